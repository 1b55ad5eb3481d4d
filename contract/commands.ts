// The ids of the extension's commands, for the client that registers them and the server whose
// code lenses and code actions run them. package.json's `contributes.commands` lists the ones a
// user sees; test/contract/commands.test.ts compares the two.

/** Every command id of the extension, by what it does. */
export const COMMANDS = {
  addDisconnection: 'handoffKit.addDisconnection',
  newBotProject: 'handoffKit.newBotProject',
  /** Arguments `[uri?, offset?]`: the banner at that UTF-16 offset of that journey or function file. */
  previewBanner: 'handoffKit.previewBanner',
  /** Argument `[kind?]`: `bot.json`, `intent` or `journey`. */
  openProjectFile: 'handoffKit.openProjectFile',
  exportUtteranceTests: 'handoffKit.exportUtteranceTests',
  openStudioSheet: 'handoffKit.openStudioSheet',
  /** Arguments `[text, what]`: puts `text` on the clipboard and says what was copied. */
  copyForStudio: 'handoffKit.copyForStudio',
  /**
   * Arguments `[uri?, journey?, view?, walk?]`: the graph of that file's project, on that journey, in
   * that view (`handoff` or `project`), with a walk laid over it (a simulator run: `walkOfSteps`).
   */
  showJourneyGraph: 'handoffKit.showJourneyGraph',
  /**
   * Arguments `[uri?, offset?]`: opens the simulator panel on the project of `uri` (a file or folder;
   * else of the file in the editor, else the workspace's first). With `offset`, the handoff path of the banner whose Send Event node
   * (or `app.sendEvent` call) is at that UTF-16 offset of that file; without, the project's handoff
   * path, stopped before the customer's exit.
   */
  simulateHandoff: 'handoffKit.simulateHandoff',
  /**
   * Argument `[testItem]`: a conversation test of the Test Explorer (its context menu), replayed in
   * the simulator panel up to its failing step (the whole test when it passes).
   */
  openTestInSimulator: 'handoffKit.openTestInSimulator',
  restartServer: 'handoffKit.restartServer',
  showOutput: 'handoffKit.showOutput',
  /**
   * Not in the command palette: a "choose an intent…" quick fix runs it with arguments
   * `[journeyUri, phrase, intent?]`.
   */
  addUtteranceToIntent: 'handoffKit.addUtteranceToIntent',
} as const;

/** The commands run only by code actions and code lenses, so not listed in the command palette. */
export const INTERNAL_COMMANDS: readonly string[] = [COMMANDS.addUtteranceToIntent];
