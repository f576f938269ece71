// The web page (src/web/) built into dist/web/, which `sitrep serve` serves at `/`. Relative
// asset paths, no inline scripts (the page's Content-Security-Policy forbids them), everything
// bundled: the page loads nothing from outside the server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const web = fileURLToPath(new URL('./src/web/', import.meta.url));

export default defineConfig({
  root: web,
  base: './',
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // the world outlines stay separate JSON files the map fetches, never inlined as data: URLs
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    reportCompressedSize: false,
  },
});
