/**
 * One error family with string codes. `message` is for staff and is safe to show;
 * `cause` keeps the underlying error for logs.
 */
export type ErrorCode =
  | 'config'
  | 'knowledge-pack'
  | 'store-invalid'
  | 'store-locked'
  | 'store-unavailable'
  | 'conflict'
  | 'not-found'
  | 'forbidden'
  | 'invalid-input';

export class AppError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export class StoreError extends AppError {
  constructor(message: string, code: 'store-invalid' | 'store-locked' | 'store-unavailable' | 'conflict' | 'not-found', options?: { cause?: unknown }) {
    super(message, code, options);
    this.name = 'StoreError';
  }
}
