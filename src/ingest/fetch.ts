/**
 * URLs and feeds: fetching pages and RSS/Atom feeds over HTTP(S) into Documents.
 * (First version: not supported yet; issue 8 builds it.)
 */
import type { InputResult } from './read.js';

export interface FetchOptions {
  /** Allow private, loopback and link-local addresses (intranet sources, tests on 127.0.0.1). */
  allowPrivate?: boolean;
}

export async function* readUrl(url: string, _opts: FetchOptions = {}): AsyncGenerator<InputResult> {
  yield { kind: 'error', input: url, reason: 'fetching URLs is not supported yet', rule: 'fetch:unsupported' };
}
