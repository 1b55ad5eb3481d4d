// The parts of the engine the simulator reads, imported in this one file: the simulator is a
// reader of the same model, index, banner reader, closing predicates and checks as everything
// else, from the layers below it.
export { relativePath, type BotFile, type NamedValue } from '../model/botFile';
export { readBannerPayload, type BannerModel, type BannerPayloadModel, type BannerShape, type ExitPhrase } from '../model/bannerPayload';
export { checkFile } from '../check/check';
export { closesBanner, closesTicket, type Journey, type JourneyNode } from '../model/journey';
export { bannerPayloadsOf, type JourneyBannerPayload } from '../analysis/exitPhrases';
export type { Finding, Severity } from '../findings';
export { readIntent } from '../model/intent';
export { nodesById, reachableNodes } from '../model/journeyGraph';
export { describeDifference, phraseDifference, type PhraseMatch } from '../phrases/phraseMatch';
export { BANNER_CLOSE_EVENT, isBannerEvent, platformEvent, platformEvents } from '../model/platformEvents';
export type { BotProject } from '../project/project';
export { indexOf, type JourneyEntry, type UtteranceEntry } from '../analysis/projectIndex';
export { hasTemplate } from '../model/template';
export { shownTextOf } from '../analysis/translations';
