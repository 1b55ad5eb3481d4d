// The parts of the engine conversation tests read, imported in this one file: a test is read by
// the model's reader, checked against the schema the schema check uses, and run by the simulator.
export { relativePath, type BotFile } from '../model/botFile';
export {
  EXPECT_FACTS,
  expectAfter,
  readConversationTests,
  type ConversationTest,
  type ExpectedFactValue,
  type ExpectFact,
  type TestExpectStep,
  type TestInputStep,
  type TestStep,
} from '../model/conversationTest';
export { reachableNodes } from '../model/journeyGraph';
export { exitPhrasesOf } from '../analysis/exitPhrases';
export { indexOf } from '../analysis/projectIndex';
export { phraseKey, type PhraseMatch } from '../phrases/phraseMatch';
export { schemaProblems } from '../schemas/problems';
export { validateAgainst } from '../schemas/schemas';
export type { BotProject } from '../project/project';
export {
  CheckedFindings,
  describeInput,
  handoffPath,
  INITIAL_STATE,
  simulate,
  type SimulationInput,
  type SimulationRun,
  type SimulationState,
  type SimulationStep,
} from '../simulation/index';
