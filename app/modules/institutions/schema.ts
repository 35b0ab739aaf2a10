import { z } from 'zod';
import { choice, kvkNumber, optionalText, requiredText, url, version } from '~/utils/schema-helpers';

export const SECTORS = [
  'primary-education', 'secondary-education', 'vocational-education', 'applied-sciences', 'university',
  'housing', 'healthcare', 'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const institutionSchema = z.object({
  name: requiredText(200),
  sector: choice(SECTORS),
  kvkNumber: kvkNumber(),
  city: optionalText(120),
  website: url(),
});
export type InstitutionInput = z.infer<typeof institutionSchema>;

export const institutionUpdateSchema = institutionSchema.extend({ version: version(), active: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()) });
