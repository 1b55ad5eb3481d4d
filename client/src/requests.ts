// Sends the extension's custom requests with the types their descriptors carry (contract/protocol.ts).
import type { CancellationToken, LanguageClient } from 'vscode-languageclient/node';
import type { RequestType } from '../../contract/protocol';

/**
 * Sends `type`'s request with `params`; resolves to its result, rejects with the server's error.
 * With `token`, cancelling it cancels the request (the server answers RequestCancelled).
 */
export function sendRequest<Params, Result>(
  client: LanguageClient,
  type: RequestType<Params, Result>,
  params: Params,
  token?: CancellationToken,
): Promise<Result> {
  return token ? client.sendRequest<Result>(type.method, params, token) : client.sendRequest<Result>(type.method, params);
}
