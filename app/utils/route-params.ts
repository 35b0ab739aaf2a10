import { notFound } from './errors';

/** A record id from the URL: a positive whole number, or the page does not exist (404). */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d+$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
}
