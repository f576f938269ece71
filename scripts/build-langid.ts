/**
 * `npm run build:langid` (part of `npm run build`): loads fastText's lid.176 once and saves the
 * WebAssembly heap it fills (build/langid/), which every later start puts back instead of loading
 * the model again (src/lang/identify.ts `restoreHeap`; checked, and loaded the slow way when the
 * package changed).
 */
import { saveLanguageModelHeap } from '../src/lang/identify.js';

const { savedBytes } = await saveLanguageModelHeap();
console.log(`langid: lid.176 heap saved (${(savedBytes / 1e6).toFixed(1)} MB) -> build/langid/`);
