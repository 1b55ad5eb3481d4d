// Whether an event fires, as the platform decides it: from the platform's own events and the custom
// events bot.json declares and enables.
import { hasTemplate, platformEvent, platformEvents, type BotProject } from './engineParts';
import { placeOf, type SimulationPlace } from './why';

/** Whether an event fires, with the words and places that say why. */
export interface EventVerdict {
  readonly fires: boolean;
  /** Words that complete a sentence about the event: `declared and enabled in bot.json`… */
  readonly text: string;
  /** The places they rest on (the declaration in bot.json), made when asked for. */
  readonly places: () => SimulationPlace[];
}

/**
 * Whether the event `name` fires, and why, in words (`text`, which completes a sentence) and places
 * (made when asked for): a platform event fires; a custom one (the banner events are custom) fires
 * when bot.json declares it and does not disable it. A disabled or undeclared event does not fire,
 * as on the platform. A name that is still a template is not known here: it does not fire.
 */
export function eventVerdict(project: BotProject, name: string): EventVerdict {
  const none = () => [];
  if (hasTemplate(name)) return { fires: false, text: `its name \`${name}\` is a template whose value is known only on the platform`, places: none };
  const platform = platformEvent(name);
  if (platform && platform.kind !== 'banner') return { fires: true, text: `\`${name}\` is a platform event`, places: none };
  if (project.configUnknown)
    return { fires: true, text: 'bot.json could not be read, so the event is taken to be declared and enabled', places: none };
  const declared = project.config.events.get(name);
  const bot = project.botFile;
  if (!declared) {
    return {
      fires: false,
      text: platform
        ? `custom event \`${name}\` is not declared in bot.json, so it does not fire`
        : `\`${name}\` is neither a platform event nor declared in bot.json, so it does not fire`,
      places: none,
    };
  }
  const places = () => (bot ? [placeOf(project, bot, declared.name.node)] : []);
  if (declared.enabled === false) return { fires: false, text: `\`${name}\` is disabled in bot.json, so it does not fire`, places };
  return { fires: true, text: `declared${declared.enabled ? ' and enabled' : ''} in bot.json`, places };
}

/**
 * The events a front end offers to fire as an input: the platform's events, then the custom events
 * bot.json declares (in its order), each once. Any other name may still be fired; it does not fire.
 */
export function eventsToFire(project: BotProject): string[] {
  return [...new Set([...platformEvents.map((e) => e.name), ...project.config.events.keys()])];
}
