/**
 * Regexps compile straight to machine code, without V8's interpreter tier first.
 *
 * V8 stops optimising the regexps it compiles once a process has generated much regexp code
 * (`TooMuchRegExpCode` in v8/src/regexp/regexp.cc). The extraction stages' regexps alone compile to
 * ~20 MB; with the interpreter tier on (the default), the stages whose regexps compile last
 * (casualties, often the actors table) got unoptimised code and ran 2-9 times slower, depending on
 * the order documents came in. Without it they stay optimised (`npm run bench:extract`, synthetic
 * 3 kB reports: CPU time ~0.8 of before; same output byte for byte).
 *
 * A process-wide V8 setting, made once when the pipeline module loads, before any stage has run a
 * regexp: a regexp already run under the interpreter keeps it, so this module is imported first.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
