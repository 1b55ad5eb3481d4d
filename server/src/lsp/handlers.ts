// Registers the server's answers to the extension's custom requests with the types their
// descriptors carry (contract/protocol.ts), so a handler cannot take the wrong params.
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { NotificationType, RequestType } from '../../../contract/protocol';
import { cancellable } from './cancellation';

/**
 * Answers `type`'s request with `handler`; a thrown error becomes the request's error response,
 * and a request the client cancels before the answer is ready gets RequestCancelled (see cancellable).
 */
export function handle<Params, Result>(
  connection: Connection,
  type: RequestType<Params, Result>,
  handler: (params: Params, token: CancellationToken) => Result | Promise<Result>,
): void {
  connection.onRequest(type.method, (params: Params, token: CancellationToken): Promise<Result> =>
    cancellable(token, async () => handler(params, token)),
  );
}

/** Sends `type`'s notification with `params`. */
export function notify<Params>(connection: Connection, type: NotificationType<Params>, params: Params): void {
  void connection.sendNotification(type.method, params);
}
