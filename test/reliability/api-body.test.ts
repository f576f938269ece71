// A POSTed document whose bytes are not UTF-8 is stored with U+FFFD in their place and says so, as
// a JSONL line does (it was replaced silently).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { inProcessExtractor } from '../../src/extract-pool.js';
import { createPipeline, loadResources } from '../../src/pipeline.js';
import { openStore } from '../../src/store/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-body-'));
const store = openStore(join(dir, 'b.db'));
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});
const app = createApp({ store, extractor: inProcessExtractor(createPipeline(loadResources())), loopbackOnly: true, log: () => {} });
const post = (body: Uint8Array) => app.request('http://127.0.0.1/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body as unknown as BodyInit });

describe('POST /api/documents bytes', () => {
  it('replaces invalid UTF-8 and warns', async () => {
    const head = Buffer.from('{"text":"A bomb killed 3 people in Herat on Monday. Caf');
    const body = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from(' owner hurt."}')]);
    const res = await post(body);
    expect(res.status).toBe(201);
    const json = (await res.json()) as { document: string; warnings: string[] };
    expect(json.warnings).toContain('invalid UTF-8 replaced with U+FFFD');
    const doc = (await (await app.request(`http://127.0.0.1/api/documents/${json.document}`)).json()) as { text: string };
    expect(doc.text).toContain('Caf\uFFFD owner');
  });
  it('gives no such warning for valid UTF-8', async () => {
    const res = await post(Buffer.from('{"text":"Shelling of Kharkiv killed 2 people in a café on Monday."}'));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { warnings: string[] }).warnings.join('\n')).not.toMatch(/UTF-8/);
  });
});
