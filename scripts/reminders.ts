import { SYSTEM_ACTOR } from '../app/modules/audit/actor';
import { sendReminders } from '../app/modules/obligations/reminders.server';
import { today } from '../app/utils/dates';
import { runScript } from './lib/cli';

// Daily: one digest per responsible person of the moments due soon and overdue. Safe to run twice.
await runScript('reminders', async () => {
  const day = today();
  const result = await sendReminders(SYSTEM_ACTOR, day);
  console.log(`reminders ${day}: ${result.digests} digest(s) sent, mentioning ${result.moments} moment(s); ${result.people} responsible person(s) had moments due soon or overdue`);
});
