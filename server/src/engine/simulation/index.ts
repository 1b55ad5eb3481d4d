// The simulator's public API: one run from a list of inputs, and the runs of the handoff path.
// A front end (the command line, a panel) keeps the inputs, and steps back by running again
// with one input fewer: a run is a pure function of the project and its inputs.
export { simulate, matchingNote, DEFAULT_MAX_STEPS, FUNCTIONS_NOTE, type SimulateOptions, type SimulationRun } from './simulate';
export type { SimulationStep, SimulationStepKind } from './step';
export {
  handoffBannersIn,
  handoffOfBanner,
  handoffPath,
  type HandoffBanner,
  type HandoffOptions,
  type HandoffPath,
  type HandoffRun,
} from './handoffPath';
export { eventsToFire } from './events';
export { describeInput, isTicketOutcome, TICKET_OUTCOMES, type SimulationInput, type TicketOutcome } from './inputs';
export type { SimulationOutcome } from './outcome';
export {
  INITIAL_STATE,
  type ShownOption,
  type BannerState,
  type ShownBanner,
  type SentEvent,
  type SimulationState,
  type TicketStatus,
} from './state';
export { CheckedFindings, type SimulationFinding, type SimulationPlace, type SimulationWhy } from './why';
