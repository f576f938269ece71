/**
 * Known request problems and their status codes. The app's error handler turns an ApiError into
 * `{"error": message}` with its status; anything else is logged and answered as a bare 500, so no
 * stack trace or SQL ever reaches a client (Hono's HTTPException, in the same spirit).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 421 | 500,
    message: string,
  ) {
    super(message);
  }
}
