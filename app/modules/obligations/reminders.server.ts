import type { TFunction } from 'i18next';
import type { Transaction } from 'sequelize';
import { getFixedT } from '~/i18n/i18next.server';
import type { Actor } from '~/modules/audit/actor';
import { recordAudit } from '~/modules/audit/mutations.server';
import { dayFromSql, db, dialectOf, inTransaction, QueryTypes, User } from '~/utils/db.server';
import { formatDay, today as currentDay, type DateLocale, type Day } from '~/utils/dates';
import { appLink, sendMail } from '~/utils/mailer.server';
import { WRITE_ROLES } from './people.server';
import { momentStatusSql, periodLabel, type MomentStatus } from './rules';

/**
 * The daily reminder digest (`npm run reminders`): each responsible person gets one message with
 * their moments inside the lead time and the overdue ones. The unique key on reminder_deliveries
 * (person, moment, day) decides what is sent: a moment is mailed only by the run whose insert
 * succeeded, so a second run on the same day — or a run on another app server at the same
 * moment — sends nothing twice.
 */

type Candidate = {
  moment_id: number; due_on: Day | Date; period_start: Day | Date; period_end: Day | Date; status: MomentStatus;
  obligation_title: string; institution_id: number; institution_name: string; user_id: number;
};


/**
 * Open moments of active obligations in active institutions whose reminder day has come (due soon
 * or overdue), for responsible people who are still active and may still write there.
 */
async function candidates(today: Day): Promise<Candidate[]> {
  const sequelize = await db();
  return sequelize.query<Candidate>(
    `SELECT m.id AS moment_id, m.due_on, m.period_start, m.period_end, ${momentStatusSql('m')} AS status,
       o.title AS obligation_title, i.id AS institution_id, i.name AS institution_name, u.id AS user_id
     FROM reporting_moments m
     JOIN obligations o ON o.id = m.obligation_id
     JOIN institutions i ON i.id = m.institution_id
     JOIN users u ON u.id = o.responsible_user_id
     WHERE m.rendered_on IS NULL AND m.waived_on IS NULL AND m.remind_from <= :today
       AND o.active = :yes AND i.active = :yes AND u.active = :yes
       AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = u.id AND ms.institution_id = i.id AND ms.role IN (:roles))
     ORDER BY u.id, i.name, m.due_on, m.id`,
    { replacements: { today, yes: true, roles: [...WRITE_ROLES] }, type: QueryTypes.SELECT },
  );
}

/**
 * Claims (person, moment, today) for each moment; returns the moments this call claimed. The
 * database decides: ON CONFLICT DO NOTHING on both dialects. PostgreSQL reports the inserted rows
 * through RETURNING; SQLite (whose writers hold the lock for the whole transaction) reports each
 * statement's change count.
 */
async function claim(transaction: Transaction, userId: number, momentIds: number[], today: Day): Promise<Set<number>> {
  const sequelize = await db();
  const claimed = new Set<number>();
  const insert = `INSERT INTO reminder_deliveries (user_id, reporting_moment_id, sent_on, created_at)
    VALUES (:userId, :momentId, :today, :now)
    ON CONFLICT (user_id, reporting_moment_id, sent_on) DO NOTHING`;
  const now = new Date();
  for (const momentId of momentIds) {
    const replacements = { userId, momentId, today, now };
    if (dialectOf(sequelize) === 'postgres') {
      const rows = await sequelize.query(`${insert} RETURNING reporting_moment_id`, { replacements, type: QueryTypes.SELECT, transaction });
      if (rows.length === 1) claimed.add(momentId);
    } else {
      // Sequelize answers an INSERT on SQLite with [lastID, changes].
      const [, changes] = (await sequelize.query(insert, { replacements, type: QueryTypes.INSERT, transaction })) as unknown as [number, number];
      if (changes === 1) claimed.add(momentId);
    }
  }
  return claimed;
}

function digest(t: TFunction, locale: DateLocale, user: { name: string }, moments: Candidate[]) {
  const overdue = moments.filter((m) => m.status === 'overdue').length;
  const dueSoon = moments.length - overdue;
  const lines = [t('calendar:reminders.greeting', { name: user.name }), '', t('calendar:reminders.intro'), ''];
  let institution: number | null = null;
  for (const m of moments) {
    if (m.institution_id !== institution) {
      institution = m.institution_id;
      lines.push(`${m.institution_name}`, '');
    }
    lines.push(
      `- ${m.obligation_title} (${periodLabel(dayFromSql(m.period_start), dayFromSql(m.period_end), locale)})`,
      `  ${t(`obligations:status.${m.status}`)} · ${t('calendar:reminders.due', { date: formatDay(dayFromSql(m.due_on), locale) })}`,
      `  ${appLink(`/i/${m.institution_id}/moments/${m.moment_id}`)}`,
      '',
    );
  }
  const institutions = [...new Set(moments.map((m) => m.institution_id))];
  lines.push(t('calendar:reminders.allMine'));
  for (const id of institutions) lines.push(appLink(`/i/${id}/calendar?responsible=me`));
  lines.push('', t('calendar:reminders.footer'));
  return {
    subject: t('calendar:reminders.subject', { overdue, dueSoon }),
    text: lines.join('\n'),
  };
}

export type ReminderRun = { people: number; digests: number; moments: number };

export async function sendReminders(actor: Actor, today: Day = currentDay()): Promise<ReminderRun> {
  const rows = await candidates(today);
  const byUser = new Map<number, Candidate[]>();
  for (const row of rows) byUser.set(Number(row.user_id), [...(byUser.get(Number(row.user_id)) ?? []), row]);
  const run: ReminderRun = { people: byUser.size, digests: 0, moments: 0 };

  for (const [userId, moments] of byUser) {
    const user = await User.findByPk(userId, { attributes: ['id', 'name', 'email', 'locale'] });
    if (!user) continue;
    const locale: DateLocale = user.locale === 'en' ? 'en' : 'nl';
    const t = await getFixedT(locale, ['calendar', 'obligations', 'common']);
    // One short transaction per person: the claims, the message and the audit commit together.
    const sent = await inTransaction(async (transaction) => {
      const claimed = await claim(transaction, userId, moments.map((m) => Number(m.moment_id)), today);
      const mine = moments.filter((m) => claimed.has(Number(m.moment_id)));
      if (mine.length === 0) return 0;
      const message = digest(t, locale, user, mine);
      await sendMail({ to: user.email, subject: message.subject, text: message.text, kind: 'reminder' }, transaction);
      for (const institutionId of new Set(mine.map((m) => Number(m.institution_id)))) {
        const ids = mine.filter((m) => Number(m.institution_id) === institutionId).map((m) => Number(m.moment_id));
        await recordAudit(transaction, actor, {
          institutionId, entity: 'reminder', entityId: userId, action: 'send',
          changes: { to: [null, user.email], moments: [null, ids] },
        });
      }
      return mine.length;
    });
    if (sent > 0) {
      run.digests++;
      run.moments += sent;
    }
  }
  return run;
}
