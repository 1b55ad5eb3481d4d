// The parts of bot.json the checks need: the bot's name and its declared custom events.
import type { BotFile, JsonPlace, NamedValue } from './botFile';

export interface DeclaredEvent {
  readonly name: NamedValue;
  /** Undefined when bot.json does not say (the schema reports that). */
  readonly enabled?: boolean;
  /** Where `enabled` is written (its value), when it is. */
  readonly enabledAt?: JsonPlace;
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
    const root = file.place;
    for (const item of root?.child('events')?.items() ?? []) {
      const name = item.named('name');
      const enabled = item.child('enabled');
      if (name && !events.has(name.value)) {
        events.set(name.value, {
          name,
          enabled: enabled?.type === 'boolean' ? (enabled.json as boolean) : undefined,
          ...(enabled ? { enabledAt: enabled } : {}),
        });
      }
    }
    return { name: root?.named('name'), events };
  });
}
