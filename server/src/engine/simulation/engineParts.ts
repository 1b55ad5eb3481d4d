// The parts of the engine the simulator reads, imported in this one file: the simulator is a
// reader of the same model, index, banner reader, closing predicates and checks as everything
// else, and when the engine's files move, this is the one import list to follow them.
export { relativePath, type BotFile, type NamedValue } from '../botFile';
export { readBannerPayload, type BannerModel, type BannerPayloadModel, type BannerShape, type ExitPhrase } from '../bannerPayload';
export { checkFile } from '../check';
export { closesBanner, closesTicket } from '../exitJourneys';
export { bannerPayloadsOf } from '../exitPhrases';
export type { Finding, Severity } from '../findings';
export { readIntent } from '../intent';
export type { Journey, JourneyNode } from '../journey';
export { nodesById, reachableNodes } from '../journeyGraph';
export { describeDifference, phraseDifference, type PhraseMatch } from '../phraseMatch';
export { BANNER_CLOSE_EVENT, isBannerEvent, platformEvent } from '../platformEvents';
export type { BotProject } from '../project';
export { indexOf, type JourneyEntry, type UtteranceEntry } from '../projectIndex';
export { hasTemplate } from '../template';
