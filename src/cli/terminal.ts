/**
 * What the command line prints is safe for a terminal and survives the reader going away:
 * control characters from stored text are shown escaped (an OSC 52 in a title would otherwise
 * write the clipboard), and a closed pipe (`sitrep events | head -1`) or a full disk ends the run
 * quietly with one line instead of a stack trace.
 */

/** C0 (but tab and newline) and C1 controls, DEL; in one-line messages also tab and newline. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const CONTROL_ONE_LINE = /[\x00-\x1f\x7f-\x9f]/g;

// `\u00NN`, not `\xNN`: the same escape is valid inside the JSON output (where only C1 and DEL can still be raw)
const escapeChar = (c: string) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `s` with every control character but newline and tab written out as `\u00NN`. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, escapeChar);
}

/** `s` as one line: newlines, tabs and every other control written out. */
export function oneLine(s: string): string {
  return s.replace(CONTROL_ONE_LINE, escapeChar);
}

/** Exit codes for a stdout that went away: a closed pipe is the reader's choice (0); a write error is not (1). */
export function guardStdout(onFatal: (message: string) => void = (m) => process.stderr.write(`sitrep: ${m}\n`)): void {
  const handle = (stream: NodeJS.WriteStream, name: string) => (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    if (name === 'stdout') onFatal(`cannot write to ${name}: ${e.code === 'ENOSPC' ? 'no space left on device' : e.message}`);
    process.exit(1);
  };
  process.stdout.on('error', handle(process.stdout, 'stdout'));
  process.stderr.on('error', handle(process.stderr, 'stderr'));
}
