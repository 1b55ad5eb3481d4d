// The language server's one serial queue: model updates (each document change with its version,
// file events, settings), check passes and requests waiting for the model run one after another,
// in the order the events came, so an answer never reads a model older than what the editor sent.

/** A unit of work for the queue; what it resolves to is ignored. */
export type Task = () => Promise<void>;

export class WorkQueue {
  private readonly tasks: Task[] = [];
  private draining = false;

  /**
   * @param yieldToEventLoop calls its callback once the event loop has handled the input that came
   *   meanwhile (Node's `setImmediate`), so that a task running in steps lets requests in.
   * @param onError told of a task that threw; the queue goes on with the next one.
   */
  constructor(
    private readonly yieldToEventLoop: (callback: () => void) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Queues `task`; the promise resolves when it has run, failed or not (it never rejects). */
  enqueue(task: Task): Promise<void> {
    return new Promise((resolve) => {
      this.tasks.push(async () => {
        try {
          await task();
        } catch (error) {
          // One failed update must not stop the ones after it, nor the server.
          this.onError(error);
        } finally {
          resolve();
        }
      });
      if (!this.draining) {
        this.draining = true;
        queueMicrotask(() => void this.drain());
      }
    });
  }

  /** Resolves once every task queued before the call has run: the model holds every change the server was told of. */
  settled(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  /**
   * For a task that runs in steps, between two of them: lets the event loop read what came in,
   * then runs the tasks queued meanwhile (model updates, requests waiting for the model) before
   * the task goes on. The task must check afterwards that what it works on is still current.
   */
  async letQueuedTasksRun(): Promise<void> {
    await new Promise<void>((resolve) => this.yieldToEventLoop(resolve));
    while (this.tasks.length) await this.tasks.shift()!();
  }

  private async drain(): Promise<void> {
    while (this.tasks.length) await this.tasks.shift()!();
    this.draining = false;
  }
}
