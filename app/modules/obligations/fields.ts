import { z } from 'zod';
import { isDay } from '~/utils/dates';

// zod pieces the agreement, obligation and moment forms share. Messages are catalogue keys.

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A calendar day `YYYY-MM-DD` (what <input type="date"> sends). */
export const requiredDay = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ required_error: 'common:errors.required', invalid_type_error: 'common:errors.required' })
      .min(1, 'common:errors.required').refine(isDay, 'common:errors.invalidDate'));

export const optionalDay = () =>
  z.preprocess((v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string().refine(isDay, 'common:errors.invalidDate').optional());

/** A whole number typed into a field; empty means absent. */
export const optionalWholeNumber = () =>
  z.preprocess((v) => (blank(v) ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
    z.number({ invalid_type_error: 'common:errors.invalidNumber' }).int('common:errors.invalidNumber').optional());

export const requiredWholeNumber = () =>
  z.preprocess((v) => (blank(v) ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
    z.number({ required_error: 'common:errors.required', invalid_type_error: 'common:errors.invalidNumber' })
      .int('common:errors.invalidNumber'));

/** An optional record id from a select; empty means none. */
export const optionalId = () =>
  z.preprocess((v) => (blank(v) ? undefined : v),
    z.coerce.number({ invalid_type_error: 'common:errors.invalidChoice' }).int('common:errors.invalidChoice')
      .positive('common:errors.invalidChoice').optional());

/** Ids from checkboxes or a multiple select: none, one (a string) or several (a list); duplicates dropped. */
export const idList = () =>
  z.preprocess(
    (v) => (blank(v) ? [] : Array.isArray(v) ? v.filter((x) => !blank(x)) : [v]),
    z.array(z.coerce.number({ invalid_type_error: 'common:errors.invalidChoice' }).int('common:errors.invalidChoice').positive('common:errors.invalidChoice'))
      .transform((ids) => [...new Set(ids)]),
  );

/** An http(s) link, up to the database's 2000 characters; empty means absent. */
export const optionalLink = () =>
  z.preprocess((v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string().max(2000, 'common:errors.tooLong').url('common:errors.invalidUrl')
      .refine((u) => /^https?:\/\//i.test(u), 'common:errors.invalidUrl').optional());
