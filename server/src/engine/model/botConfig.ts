// The parts of bot.json the checks need: the bot's name, its declared custom events, and its
// languages (languages.ts says what they stand for).
import type { BotFile, JsonPlace, NamedValue } from './botFile';

/**
 * A custom event as bot.json's `events` declares it, as Studio has them under Automation > Events >
 * Custom events: its `name` (with its node) and whether it is `enabled`. One not enabled does not
 * fire (the guide, step 1 and its note: "Ensure the events are in the enabled state").
 */
export interface DeclaredEvent {
  readonly name: NamedValue;
  /** Undefined when bot.json does not say (the schema reports that). */
  readonly enabled?: boolean;
  /** Where `enabled` is written (its value), when it is. */
  readonly enabledAt?: JsonPlace;
}

/**
 * What the checks read of bot.json: the bot's `name` and its custom events by name (a name
 * declared twice keeps its first declaration). Empty, with no events, when the project has no bot.json.
 */
export interface BotConfig {
  readonly name?: NamedValue;
  readonly events: ReadonlyMap<string, DeclaredEvent>;
  /**
   * The codes of `languages` that are strings, in order (as written: compare them with
   * `languageOf`); undefined when bot.json has no `languages` array.
   */
  readonly languages?: readonly NamedValue[];
  /** `defaultLanguage`, Studio's *Target language*, when it is a string. */
  readonly defaultLanguage?: NamedValue;
}

const BOT_CONFIG = Symbol('bot config');
const EMPTY: BotConfig = { events: new Map() };

/** What bot.json declares (worked out once per file version); nothing for a project without one. */
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
    const languages = root?.child('languages');
    const defaultLanguage = root?.named('defaultLanguage');
    return {
      name: root?.named('name'),
      events,
      ...(languages?.type === 'array' ? { languages: languages.strings() } : {}),
      ...(defaultLanguage ? { defaultLanguage } : {}),
    };
  });
}
