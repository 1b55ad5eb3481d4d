// Sends the extension's custom requests with the types their descriptors carry (contract/protocol.ts).
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequestType } from '../../contract/protocol';

/** Sends `type`'s request with `params`; resolves to its result, rejects with the server's error. */
export function sendRequest<Params, Result>(client: LanguageClient, type: RequestType<Params, Result>, params: Params): Promise<Result> {
  return client.sendRequest<Result>(type.method, params);
}
