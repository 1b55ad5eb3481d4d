// The server's clock for the times it reports (its load, each pass, the work of a keystroke).

/**
 * Milliseconds from an arbitrary start, fractional, monotonic: `performance.now()` without the
 * `performance` global, whose first use loads perf_hooks (some 3 ms, paid before the first
 * diagnostics, since the server times its first load).
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
