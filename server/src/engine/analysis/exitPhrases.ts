// The phrases a journey's banners offer the customer, read through the one banner reader
// (bannerPayload.ts) from every Send Event node of a banner event.
import type { BotFile } from '../model/botFile';
import { readBannerPayload, type BannerPayloadModel, type ExitPhrase as PayloadExitPhrase } from '../model/bannerPayload';
import { sendEventNodesOf } from '../model/functionCode';
import { keptList } from '../model/keptList';
import type { JourneyNode } from '../model/journey';
import { BANNER_CLOSE_EVENT, BANNER_SHOW_EVENT, isBannerEvent, platformEvent } from '../model/platformEvents';
import { hasTemplate } from '../model/template';
import { closestName } from '../phrases/suggestions';

export { typedPhrase } from '../model/bannerPayload';

/** An exit phrase of a journey file, with the Send Event node that shows its banner. */
export interface ExitPhrase extends PayloadExitPhrase {
  readonly sendEvent: JourneyNode;
}

/** A banner payload of a journey file with the Send Event node that sends it. */
export interface JourneyBannerPayload {
  readonly sendEvent: JourneyNode;
  readonly payload: BannerPayloadModel;
}

const PAYLOADS = Symbol('banner payloads');
const EXIT_PHRASES = Symbol('exit phrases');

/**
 * Every banner payload of a journey's Send Event nodes, or of a function file's literal
 * `app.sendEvent` calls (see functionCode.ts), in file order (computed once per file version).
 * A node whose event nearly spells a banner event counts too (see `meansBannerEvent`).
 */
export function bannerPayloadsOf(file: BotFile): readonly JourneyBannerPayload[] {
  return file.derived(PAYLOADS, () =>
    keptList(
      sendEventNodesOf(file).flatMap((node) =>
        meansBannerEvent(node.event?.value) && node.data ? [{ sendEvent: node, payload: readBannerPayload(node.data, file.text) }] : [],
      ),
    ),
  );
}

/**
 * Whether an event name is a banner event, or a near miss of one that is no other platform event
 * (`ui-event-update-promotio`): unknown-event reports the typo with "did you mean", and the banner
 * the node sends is still read, so its option texts and shape are checked meanwhile. One error
 * does not hide another (issue 25). Such a banner does not fire: exit paths do not count it as shown.
 */
export function meansBannerEvent(name: string | undefined): boolean {
  if (isBannerEvent(name)) return true;
  if (!name || platformEvent(name) || hasTemplate(name)) return false;
  return isBannerEvent(closestName(name, [BANNER_SHOW_EVENT, BANNER_CLOSE_EVENT]));
}

/** Every exit phrase of a journey's (or a function file's) banners, in file order (computed once per file version). */
export function exitPhrasesOf(file: BotFile): readonly ExitPhrase[] {
  return file.derived(EXIT_PHRASES, () =>
    keptList(bannerPayloadsOf(file).flatMap(({ sendEvent, payload }) => payload.exitPhrases.map((exit) => withSendEvent(exit, sendEvent)))),
  );
}

/** The phrase with its Send Event node; its range is still read from the phrase when first asked for. */
function withSendEvent(exit: PayloadExitPhrase, sendEvent: JourneyNode): ExitPhrase {
  return new SentExitPhrase(exit, sendEvent);
}

/** An exit phrase of a banner and the Send Event node that sends the banner (one small object per phrase). */
class SentExitPhrase implements ExitPhrase {
  constructor(
    private readonly exit: PayloadExitPhrase,
    readonly sendEvent: JourneyNode,
  ) {}

  get phrase(): string {
    return this.exit.phrase;
  }

  get kind(): PayloadExitPhrase['kind'] {
    return this.exit.kind;
  }

  get offset(): number {
    return this.exit.offset;
  }

  get length(): number {
    return this.exit.length;
  }

  get node(): PayloadExitPhrase['node'] {
    return this.exit.node;
  }

  get banner(): PayloadExitPhrase['banner'] {
    return this.exit.banner;
  }
}
