import { SYSTEM_ACTOR } from '../app/modules/audit/actor';
import { takeQualitySnapshot } from '../app/modules/quality/mutations.server';
import { today } from '../app/utils/dates';
import { db, Institution } from '../app/utils/db.server';
import { runScript } from './lib/cli';

// Monthly (daily is harmless): each institution's completeness for the data-quality trend, once per month.
await runScript('quality:snapshot', async () => {
  await db();
  const institutions = await Institution.findAll({ attributes: ['id'], order: [['id', 'ASC']] });
  let created = 0;
  for (const { id } of institutions) if ((await takeQualitySnapshot(SYSTEM_ACTOR, id)).created) created += 1;
  console.log(`quality:snapshot ${today().slice(0, 7)}: ${created} snapshot(s) taken, ${institutions.length - created} already there`);
});
