export * from './scaffold/index';
