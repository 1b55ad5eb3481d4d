// Waiting for a state that VS Code announces with no event (an extension becoming active, a file deleted on disk): check
// now and then, end as soon as it holds, fail at a deadline. The interval is how often to look, never what the test relies on.
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
