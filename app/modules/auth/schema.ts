import { z } from 'zod';
import { LANGUAGES } from '~/i18n/config';
import { choice } from '~/utils/schema-helpers';
import { MIN_PASSWORD_LENGTH } from './rules';

// Messages are catalogue keys (namespace auth); the form shows them next to the field.
export const signInSchema = z.object({
  email: z.string({ required_error: 'auth:errors.emailRequired' }).trim().min(1, 'auth:errors.emailRequired').email('auth:errors.emailInvalid'),
  password: z.string({ required_error: 'auth:errors.passwordRequired' }).min(1, 'auth:errors.passwordRequired'),
  redirectTo: z.string().optional(),
});

const newPassword = z
  .string({ required_error: 'auth:errors.passwordRequired' })
  .min(MIN_PASSWORD_LENGTH, 'auth:errors.passwordTooShort')
  .max(200, 'auth:errors.passwordTooLong');

export const setPasswordSchema = z
  .object({ password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth:errors.passwordsDiffer' });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ required_error: 'auth:errors.passwordRequired' }).min(1, 'auth:errors.passwordRequired'),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth:errors.passwordsDiffer' });

export const languageSchema = z.object({ lng: choice(LANGUAGES) });

/** Only paths inside this app: an open redirect would turn the sign-in page into a phishing tool. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}
