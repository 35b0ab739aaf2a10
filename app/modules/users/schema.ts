import { z } from 'zod';
import { ROLES } from '~/modules/auth/policy';
import { checkbox, choice, email, id, requiredText } from '~/utils/schema-helpers';

export const inviteSchema = z.object({
  email: email(),
  name: requiredText(200),
  isAdmin: checkbox(),
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const membershipSchema = z.object({
  institutionId: id(),
  role: choice(ROLES),
});

export const roleChangeSchema = z.object({ membershipId: id(), role: choice(ROLES) });
export const membershipRefSchema = z.object({ membershipId: id() });
