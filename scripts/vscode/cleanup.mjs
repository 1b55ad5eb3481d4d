// Ends what a run started (Chromium, code-server's process group, temp folders) on every way out:
// normal end, thrown error, Ctrl-C, SIGTERM from CI, or the terminal closing.
const tasks = [];
let running;

/** Registers `task` to run at clean-up, latest first. Returns a function that runs it now and unregisters it. */
export function onCleanup(task) {
  const entry = { task };
  tasks.push(entry);
  return async () => {
    const index = tasks.indexOf(entry);
    if (index === -1) return;
    tasks.splice(index, 1);
    await runTask(entry);
  };
}

/** True while clean-up runs: a child exiting then was stopped by us, not by a fault. */
export function isCleaningUp() {
  return running !== undefined;
}

/** Runs every registered task once, each even if an earlier one fails; concurrent calls share one pass. */
export function cleanUp() {
  running ??= (async () => {
    while (tasks.length > 0) await runTask(tasks.pop());
  })().finally(() => {
    running = undefined;
  });
  return running;
}

async function runTask({ task }) {
  try {
    await task();
  } catch (error) {
    console.error(`clean-up: ${error.message}`);
  }
}

/** The exit status after each signal; start.mjs makes Ctrl-C, its normal way to stop, exit 0. */
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
let stopping = false;
for (const signal of Object.keys(signalExitCodes)) {
  process.on(signal, () => {
    if (stopping) return; // a second Ctrl-C while stopping: the stop is already bounded (5 s grace, then SIGKILL)
    stopping = true;
    console.error(`\n${signal}: stopping code-server and Chromium`);
    cleanUp().finally(() => process.exit(signalExitCodes[signal]));
  });
}
