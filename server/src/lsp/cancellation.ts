// A request the client cancels is answered at once with LSP's RequestCancelled error, rather than
// after it waited for the work queue, the model or the client's settings, with an answer nobody
// reads any more (as json-language-features' runSafeAsync does with the request's token).
import { LSPErrorCodes, ResponseError, type CancellationToken, type Disposable } from 'vscode-languageserver/node';

/** The error that answers a cancelled request: `LSPErrorCodes.RequestCancelled` (-32800). */
export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Resolves to what `work` resolves to, unless `token` is cancelled first: before the work starts
 * (the work then never runs), while it waits, or before its answer goes out. Then it rejects with
 * `requestCancelled()` at once and the work's result, should it come later, is dropped. An error
 * of the work itself rejects as it is (a ResponseError reaches the client unchanged).
 */
export async function cancellable<T>(token: CancellationToken, work: () => Promise<T>): Promise<T> {
  if (token.isCancellationRequested) throw requestCancelled();
  let listener: Disposable | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    listener = token.onCancellationRequested(() => reject(requestCancelled()));
  });
  try {
    const result = await Promise.race([work(), cancelled]);
    if (token.isCancellationRequested) throw requestCancelled();
    return result;
  } finally {
    listener?.dispose();
  }
}
