/**
 * The built web page (`dist/web/`, made by `vite build`), read once when the server starts and
 * served from memory. Only files found at start-up can be served: a request path is a key in a
 * map, never joined to a folder, so `..`, encoded slashes or symbolic links reach nothing else.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface StaticFile {
  body: Uint8Array;
  type: string;
  etag: string;
  /** Vite puts a content hash in every name under `assets/`: those never change. */
  immutable: boolean;
}

export type StaticFiles = ReadonlyMap<string, StaticFile>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** A page is a few hundred kB; anything near this is a mistake in the build, not a page. */
const MAX_FILES = 500;

/** Files under `dir` keyed by URL path (`/index.html`, `/assets/…`); null when `dir` is no folder. */
export function loadStaticFiles(dir: string): StaticFiles | null {
  try {
    if (!statSync(dir).isDirectory()) return null;
  } catch {
    return null;
  }
  const files = new Map<string, StaticFile>();
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile() && files.size < MAX_FILES) {
        const body = readFileSync(join(dir, rel));
        files.set(`/${rel}`, {
          body,
          type: TYPES[extname(e.name).toLowerCase()] ?? 'application/octet-stream',
          etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
          immutable: rel.startsWith('assets/'),
        });
      }
    }
  };
  walk('');
  return files;
}
