import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { recordRendering, setObligationActive } from '~/modules/obligations/mutations.server';
import { sendReminders } from '~/modules/obligations/reminders.server';
import { revokeMembership } from '~/modules/users/mutations.server';
import { AuditEvent, MailMessage, Membership, ReminderDelivery, ReportingMoment } from '~/utils/db.server';
import { makeMember } from '../support/factories';
import { makeObligation, makeWorld, type World } from './obligations-fixtures';

/**
 * `npm run reminders`: one digest per responsible person, of moments inside their lead time and
 * overdue ones; never the same moment twice to the same person on one day — not on a second run,
 * and not when two runs race.
 */

const TODAY = '2026-06-20';
let world: World;
let leaver: Awaited<ReturnType<typeof makeMember>>;
const ids: Record<string, number> = {};

const mailsTo = (email: string) => MailMessage.findAll({ where: { toAddress: email, kind: 'reminder' }, order: [['id', 'ASC']] });

beforeAll(async () => {
  world = await makeWorld();
  leaver = await makeMember(world.college, 'secretary', { name: 'Lea Leaver' });
  const make = async (key: string, overrides: Parameters<typeof makeObligation>[1]) => {
    const { id } = await makeObligation(world.college, overrides, '2026-01-01');
    ids[key] = id;
  };
  // Due 30 June, 30 days' lead time: inside it on 20 June.
  await make('dueSoon', { title: 'Jaarverslag', responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2026-06-30', leadTimeDays: 30 });
  // Due 1 June: overdue.
  await make('overdue', { title: 'Bod', responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2026-06-01', leadTimeDays: 10 });
  // Due 31 July with 14 days: not yet.
  await make('later', { title: 'Later', responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2026-07-31', leadTimeDays: 14 });
  // Rendered already: nothing to remind.
  await make('rendered', { title: 'Done', responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2026-06-25', leadTimeDays: 30 });
  const [rendered] = await ReportingMoment.findAll({ where: { obligationId: ids.rendered } });
  await recordRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: rendered.id, renderedOn: '2026-06-10', version: 0 }, TODAY);
  // Ended obligation: no reminders.
  await make('ended', { title: 'Ended', responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2026-06-01', leadTimeDays: 10 });
  await setObligationActive(SYSTEM_ACTOR, { institutionId: world.college.id, obligationId: ids.ended, active: false, version: 0 }, '2026-01-02');
  // The manager's own moment.
  await make('managers', { title: 'Kwartaalrapportage', responsibleUserId: world.manager.id, recurrence: { kind: 'once' }, startsOn: '2026-06-22', leadTimeDays: 5 });
  // Someone who left the institution is not reminded of its moments.
  await make('leavers', { title: 'Leaver', responsibleUserId: leaver.id, recurrence: { kind: 'once' }, startsOn: '2026-06-21', leadTimeDays: 5 });
  const membership = await Membership.findOne({ where: { userId: leaver.id, institutionId: world.college.id } });
  await revokeMembership(SYSTEM_ACTOR, leaver.id, membership!.id);
});

describe('npm run reminders', () => {
  it('sends each responsible person one digest of what is due soon and overdue, linking into the app', async () => {
    const run = await sendReminders(SYSTEM_ACTOR, TODAY);
    expect(run).toEqual({ people: 2, digests: 2, moments: 3 });

    const [digest, ...more] = await mailsTo(world.secretary.email);
    expect(more).toEqual([]);
    expect(digest.subject).toBe('Horizon: 1 te laat, 1 binnenkort');
    expect(digest.textBody).toContain('Jaarverslag');
    expect(digest.textBody).toContain('Bod');
    for (const absent of ['Later', 'Done', 'Ended', 'Kwartaalrapportage']) expect(digest.textBody).not.toContain(absent);
    const [dueSoon] = await ReportingMoment.findAll({ where: { obligationId: ids.dueSoon } });
    expect(digest.textBody).toContain(`http://localhost:3000/i/${world.college.id}/moments/${dueSoon.id}`);
    expect(digest.textBody).toContain(`http://localhost:3000/i/${world.college.id}/calendar?responsible=me`);

    expect(await mailsTo(world.manager.email)).toHaveLength(1);
    expect(await mailsTo(leaver.email)).toHaveLength(0);
    const audit = await AuditEvent.findAll({ where: { entity: 'reminder', action: 'send' } });
    expect(audit.map((e) => e.actorLabel)).toEqual(['system', 'system']);
  });

  it('run twice on one day: the second run sends nothing', async () => {
    const again = await sendReminders(SYSTEM_ACTOR, TODAY);
    expect(again).toMatchObject({ digests: 0, moments: 0 });
    expect(await mailsTo(world.secretary.email)).toHaveLength(1);
  });

  it('two runs at the same moment send each moment once: the unique key decides', async () => {
    const day = '2026-06-21';
    const before = await MailMessage.count({ where: { kind: 'reminder' } });
    const runs = await Promise.all([sendReminders(SYSTEM_ACTOR, day), sendReminders(SYSTEM_ACTOR, day), sendReminders(SYSTEM_ACTOR, day)]);
    expect(runs.reduce((sum, r) => sum + r.digests, 0)).toBe(2);
    expect(runs.reduce((sum, r) => sum + r.moments, 0)).toBe(3);
    expect(await MailMessage.count({ where: { kind: 'reminder' } })).toBe(before + 2);
    const deliveries = await ReminderDelivery.count({ where: { sentOn: day } });
    expect(deliveries).toBe(3);
  });

  it('the next day reminds again, once', async () => {
    const day = '2026-06-22';
    await sendReminders(SYSTEM_ACTOR, day);
    await sendReminders(SYSTEM_ACTOR, day);
    const secretaryMails = await MailMessage.findAll({ where: { toAddress: world.secretary.email } });
    // 20, 21 and 22 June: one digest a day.
    expect(secretaryMails.filter((m) => m.kind === 'reminder')).toHaveLength(3);
  });

  it('writes the digest in the person\'s language', async () => {
    const english = await makeMember(world.college, 'manager', { locale: 'en', name: 'Eve English' });
    await makeObligation(world.college, { title: 'Annual report', responsibleUserId: english.id, recurrence: { kind: 'once' }, startsOn: '2026-06-30', leadTimeDays: 30 }, '2026-01-01');
    await sendReminders(SYSTEM_ACTOR, '2026-06-23');
    const [mail] = await mailsTo(english.email);
    expect(mail.subject).toBe('Horizon: 0 overdue, 1 due soon');
    expect(mail.textBody).toContain('Dear Eve English,');
    expect(mail.textBody).toContain('due 30 June 2026');
  });
});
