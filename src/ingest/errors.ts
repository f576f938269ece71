/** Known, user-facing input problems. The CLI prints their message in one line, never a trace. */
export class InputError extends Error {
  constructor(
    message: string,
    /** `stage:rule`, stable (e.g. `ingest:binary`). */
    readonly rule: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
