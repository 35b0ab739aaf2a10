import { z } from 'zod';

// Small zod pieces every form schema shares. Messages are catalogue keys.

/** A text field: trimmed; empty means absent. */
export const optionalText = (max = 200) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string().max(max, 'common:errors.tooLong').optional());

export const requiredText = (max = 200) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ required_error: 'common:errors.required', invalid_type_error: 'common:errors.required' })
      .min(1, 'common:errors.required').max(max, 'common:errors.tooLong'));

export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: 'common:errors.invalidChoice' }) });

export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), choice(values).optional());

/** A positive integer id from a form or URL; anything else is refused. */
export const id = () => z.coerce.number({ invalid_type_error: 'common:errors.invalidChoice' }).int().positive('common:errors.invalidChoice');

export const version = () => z.coerce.number().int().min(0);

/** A checkbox: present means true. */
export const checkbox = () => z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

const emailFormat = () => z.string().trim().toLowerCase().email('common:errors.invalidEmail').max(254, 'common:errors.tooLong');

export const email = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ required_error: 'common:errors.required' }).min(1, 'common:errors.required').pipe(emailFormat()));

export const optionalEmail = () =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), emailFormat().optional());

export const kvkNumber = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.replace(/\s/g, '') : v),
    z.string().regex(/^\d{8}$/, 'common:errors.kvkNumber').optional().or(z.literal('').transform(() => undefined)));

export const url = () =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().url('common:errors.invalidUrl').max(300, 'common:errors.tooLong').refine((u) => /^https?:\/\//.test(u), 'common:errors.invalidUrl').optional());
