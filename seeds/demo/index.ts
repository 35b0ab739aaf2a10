import { db, Institution } from '~/utils/db.server';
import { today } from '~/utils/dates';
import { COMMITMENTS, seedCommitments } from './agreements-and-obligations';
import { seedAdoptions, seedStatements } from './compliance';
import { contextFor, INSTITUTION_KEYS, type DemoContext } from './context';
import { DEMO_INSTITUTIONS, seedInstitutionsAndAccounts } from './institutions-and-accounts';
import { seedPrivacy } from './privacy';
import { REGISTERS, seedRegister } from './register';

/**
 * The demo: three fictitious institutions with a year of stakeholder work, commitments and
 * accountability, all relative to today (HORIZON_TODAY moves the whole picture), written as the
 * `system` actor through the areas' own mutations so it is valid and on the record.
 *
 * A database that has the demo already (Vecht College exists) is left alone: `db:seed` twice
 * changes nothing. Each area extends this when it lands: add a step below and a file beside it.
 */
export async function seedDemo(log: (line: string) => void = () => {}): Promise<'created' | 'present'> {
  await db();
  if (await Institution.findOne({ where: { name: DEMO_INSTITUTIONS.vecht.name }, attributes: ['id'] })) {
    log(`demo data: present (${DEMO_INSTITUTIONS.vecht.name} exists), unchanged`);
    return 'present';
  }
  try {
    // One day for the whole run: the mutations read the same today() for what they stamp themselves.
    const ctx: DemoContext = { ...contextFor(today(), log), institutions: await seedInstitutionsAndAccounts(log) };
    for (const key of INSTITUTION_KEYS) {
      await seedRegister(ctx, key, REGISTERS[key](ctx));
      log(`${DEMO_INSTITUTIONS[key].name}: ${ctx.institutions[key].stakeholders.size} stakeholders, ${ctx.institutions[key].engagements.size} engagements`);
    }
    await seedAdoptions(ctx);
    for (const key of INSTITUTION_KEYS) {
      const { moments } = await seedCommitments(ctx, key, COMMITMENTS[key](ctx));
      log(`${DEMO_INSTITUTIONS[key].name}: ${ctx.institutions[key].agreements.size} agreements, ${ctx.institutions[key].obligations.size} obligations, ${moments} reporting moments`);
    }
    await seedStatements(ctx);
    await seedPrivacy(ctx);
    log(`demo data created relative to ${ctx.today}`);
    return 'created';
  } catch (error) {
    // The steps commit one by one; a half-written demo would be skipped next time as "present".
    throw new Error(`the demo data stopped part-way (${(error as Error).message}); start clean with npm run db:reset && npm run db:seed`, { cause: error });
  }
}
