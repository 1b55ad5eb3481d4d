// Conversation tests' public API: run the tests of a file or a project, and say which parts of
// the handoff path they walk. A front end shows the runs (the command line, the Test Explorer).
export {
  runProjectTests,
  runTestFile,
  testFileProblems,
  transcriptLines,
  type FailedFact,
  type RunTestsOptions,
  type TestFailure,
  type TestFileProblem,
  type TestFileRun,
  type TestRange,
  type TestRun,
} from './runTests';
export { handoffCoverage, type CoverageItem, type CoverageKind, type HandoffCoverage } from './coverage';
export { conversationTestFromRun, type RunToSave, type SavedTest } from './fromRun';
