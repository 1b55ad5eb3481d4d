// The parts of bot.json the checks need: the bot's name and its declared custom events.
import { named, valueOf, type BotFile, type NamedValue } from './botFile';

export interface DeclaredEvent {
  readonly name: NamedValue;
  /** Undefined when bot.json does not say (the schema reports that). */
  readonly enabled?: boolean;
}

export interface BotConfig {
  readonly name?: NamedValue;
  readonly events: ReadonlyMap<string, DeclaredEvent>;
}

const BOT_CONFIG = Symbol('bot config');
const EMPTY: BotConfig = { events: new Map() };

export function readBotConfig(file: BotFile | undefined): BotConfig {
  if (!file) return EMPTY;
  return file.derived(BOT_CONFIG, () => {
    const events = new Map<string, DeclaredEvent>();
    const list = valueOf(file.root, 'events');
    for (const item of list?.type === 'array' ? list.children ?? [] : []) {
      const name = named(valueOf(item, 'name'));
      const enabledNode = valueOf(item, 'enabled');
      if (name && !events.has(name.value)) {
        events.set(name.value, { name, enabled: enabledNode?.type === 'boolean' ? (enabledNode.value as boolean) : undefined });
      }
    }
    return { name: named(valueOf(file.root, 'name')), events };
  });
}
