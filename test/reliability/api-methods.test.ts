// The API's refusals: OPTIONS, TRACE and PROPFIND answer 405 (they answered 404), and refusals
// carry the security headers (a 421 for a foreign Host had none).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createApp } from '../../src/api/app.js';
import { listen } from '../../src/api/server.js';
import { openStore } from '../../src/store/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-methods-'));
const store = openStore(join(dir, 'm.db'));
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});
const app = createApp({ store, extractor: { extract: () => Promise.reject(new Error('no extraction here')) }, loopbackOnly: true, log: () => {} });

describe('API refusals', () => {
  it('TRACE over a real connection answers 405', async () => {
    const server = await listen(app, '127.0.0.1', 0);
    try {
      const status = await new Promise<number>((res, rej) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', method: 'TRACE' }, (r) => {
          r.resume();
          res(r.statusCode ?? 0);
        });
        req.on('error', rej);
        req.end();
      });
      expect(status).toBe(405);
    } finally {
      await server.close();
    }
  });
  // (the fetch Request used by app.request refuses to build a TRACE, hence the connection above)
  for (const method of ['OPTIONS', 'PROPFIND', 'PUT', 'DELETE']) {
    it(`${method} answers 405 with the security headers`, async () => {
      for (const path of ['/api/events', '/', '/api/documents']) {
        const res = await app.request(`http://127.0.0.1${path}`, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });
  }
  it('a foreign Host gets 421 with the security headers', async () => {
    const res = await app.request('http://evil.example/api/events');
    expect(res.status).toBe(421);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
