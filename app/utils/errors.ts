/** The business's refusals, each with a code that maps to one HTTP status in `statusOf`. */
export type DomainErrorCode = 'not-found' | 'forbidden' | 'conflict' | 'invalid' | 'throttled';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    /** A catalogue key for the message shown to the user. */
    readonly messageKey: string,
    /** For `invalid` and `throttled`: field → catalogue key, shown next to the field. */
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(messageKey);
  }
}

export function statusOf(code: DomainErrorCode): 404 | 403 | 409 | 422 | 429 {
  switch (code) {
    case 'not-found':
      return 404;
    case 'forbidden':
      return 403;
    case 'conflict':
      return 409;
    case 'invalid':
      return 422;
    case 'throttled':
      return 429;
  }
}

export const notFound = () => new Response('Not found', { status: 404, statusText: 'Not Found' });
export const forbidden = () => new Response('Forbidden', { status: 403, statusText: 'Forbidden' });
