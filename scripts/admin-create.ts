// `npm run admin:create <email> [name]`: an administrator without a password, and the one-time
// link with which they choose one. Runs as the `system` actor, so the audit trail says who did it.
import { SYSTEM_ACTOR } from '../app/modules/audit/actor';
import { INVITE_VALID_HOURS } from '../app/modules/auth/rules';
import { inviteUser } from '../app/modules/users/mutations.server';
import { inviteSchema } from '../app/modules/users/schema';
import { DomainError } from '../app/utils/errors';
import { runScript } from './lib/cli';

const USAGE = 'usage: npm run admin:create <email> [name]';

await runScript('admin:create', async () => {
  const [email, ...nameParts] = process.argv.slice(2);
  if (!email) throw new Error(USAGE);
  const name = nameParts.join(' ').trim() || email.split('@')[0]!;
  const input = inviteSchema.safeParse({ email, name, isAdmin: 'on' });
  if (!input.success) throw new Error(`"${email}" is not a valid email address (${USAGE})`);

  let created: { id: number; link: string };
  try {
    created = await inviteUser(SYSTEM_ACTOR, input.data);
  } catch (error) {
    if (error instanceof DomainError && error.messageKey === 'admin:users.emailTaken') {
      throw new Error(`a user with the email ${input.data.email} already exists; make them administrator at /admin/users`);
    }
    throw error;
  }
  console.log(`Administrator ${input.data.email} created (user ${created.id}).`);
  console.log(`Set the password within ${INVITE_VALID_HOURS} hours, once, at:`);
  console.log(created.link);
});
