import type { z } from 'zod';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type FormResult<T> =
  | { success: true; data: T }
  | { success: false; errors: FieldErrors; values: FormValues };

/** FormData as a plain object; a name given more than once (checkboxes, multi-selects) becomes a list. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== 'string') continue;
    const existing = values[key];
    if (existing === undefined) values[key] = raw;
    else values[key] = Array.isArray(existing) ? [...existing, raw] : [existing, raw];
  }
  return values;
}

/** The first message per field, keyed by its dotted path: what a form shows next to each field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Validates a submitted form with its one schema. On failure the typed values come back too, so
 * the form keeps what was typed (passwords excepted).
 */
export function parseForm<S extends z.ZodTypeAny>(schema: S, formData: FormData): FormResult<z.infer<S>> {
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, errors: fieldErrorsOf(parsed.error), values: withoutSecrets(values) };
}

export function withoutSecrets(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|confirm|token/i.test(key)));
}

/** What an action returns when input is refused: shown next to the fields, status 400. */
export type ActionErrors = { errors: FieldErrors; values: FormValues };
