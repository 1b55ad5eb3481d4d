// The scaffold behind "Add User-Initiated Disconnection" and "New Bot Project", split along its seams:
//
// - ../../guide/options.ts: the options, their defaults, and validateDisconnectionOptions (what is wrong with
//   options on their own), built from per-field validators (validatePhrase…) that input boxes use.
// - context.ts: disconnectionContext(project), what the command needs to ask sensible questions.
// - planner.ts: planDisconnection(project, options), the edit and a summary of its steps, or,
//   when something must be decided first, conflicts (and no edit). A conflict names the option to
//   ask again (`field`) and often a `suggestion` for it: a free name, the near journey, the
//   banner's phrase.
// - newProject.ts: planNewProject(root), the files of a new bot project (bot.json with step 1 done).
// - ../../guide/pieces.ts: the guide's building blocks (bannerPayload, enableEvents, closingSteps, exitJourney,
//   freeName, freshIds…), for quick fixes that write one piece of the same journey. What a node
//   does in the handoff (showsBanner, closesBanner, closesTicket) is model/journey.ts's to say.
export {
  defaultDisconnectionOptions,
  validateBannerTitle,
  validateButtonLabel,
  validateDisconnectionOptions,
  validateName,
  validatePhrase,
  type BannerShowEvent,
  type ConflictKind,
  type DisconnectionOptions,
  type NameKind,
  type ScaffoldConflict,
  type TicketJourneyChoice,
} from '../../guide/options';
export { disconnectionContext, type DisconnectionContext, type IntentSummary, type JourneySummary } from './context';
export { planDisconnection, type ScaffoldPlan } from './planner';
export { planNewProject, validateProjectName, type NewProjectPlan } from './newProject';
export { bannerPayload, closingSteps, enableEvents, exitJourney, freeName, freshIds, typedBannerTitle } from '../../guide/pieces';
