import { json } from '@remix-run/node';
import { DomainError, statusOf } from './errors';
import { withoutSecrets, type FieldErrors, type FormValues } from './forms';

/** What an action answers when the business refuses: messages beside the fields, one for the form. */
export type ActionFailure = { errors: FieldErrors; values: FormValues; formError?: string };

/**
 * The one place a thrown DomainError becomes a response: its field errors and message key, with
 * the status `statusOf` gives its code. Anything else is not ours to answer, so it is rethrown.
 */
export function domainErrorResponse(error: unknown, values: FormValues = {}) {
  if (!(error instanceof DomainError)) throw error;
  return json<ActionFailure>(
    { errors: error.fieldErrors, values: withoutSecrets(values), formError: error.messageKey },
    { status: statusOf(error.code) },
  );
}

/**
 * Runs one mutation call and answers with `then(result)`; a DomainError it throws comes back as
 * the response above instead (the submitted `values` go back so the form keeps what was typed).
 */
export async function attempt<T, R>(values: FormValues, work: () => Promise<T>, then: (result: T) => R | Promise<R>) {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    return domainErrorResponse(error, values);
  }
  return then(result);
}

/** A refused form (zod): field messages with status 400, the typed values kept. */
export const invalidForm = (errors: FieldErrors, values: FormValues, formError?: string) =>
  json<ActionFailure>({ errors, values: withoutSecrets(values), formError }, { status: 400 });
