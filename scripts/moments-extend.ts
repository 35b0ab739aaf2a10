import { SYSTEM_ACTOR } from '../app/modules/audit/actor';
import { extendMoments } from '../app/modules/obligations/mutations.server';
import { today } from '../app/utils/dates';
import { runScript } from './lib/cli';

// Daily: keeps every active obligation's reporting moments materialised through the end of next year.
await runScript('moments:extend', async () => {
  const day = today();
  const result = await extendMoments(SYSTEM_ACTOR, day);
  console.log(
    `moments:extend ${day}: ${result.obligations} active obligation(s); ${result.created} moment(s) created, ` +
      `${result.updated} updated, ${result.removed} removed, ${result.remindersMoved} reminder day(s) moved`,
  );
});
