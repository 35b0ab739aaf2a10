import { DataTypes, type QueryInterface } from 'sequelize';
import {
  addIndexes, between, createTable, day, dropTables, fk, flag, id, institutionFk, instant, int, notBefore, oneOf,
  text, timestamps, version,
} from './helpers';

/** Files are stored in the database up to this size (10 MiB), enforced here as the last line. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export async function up(qi: QueryInterface): Promise<void> {
  await createTable(qi, 'agreements', {
    id: id(),
    institution_id: institutionFk(),
    title: text(false, 200),
    kind: oneOf(['performance-agreement', 'covenant', 'cooperation', 'funding-condition', 'service-level']),
    direction: oneOf(['we-owe', 'they-owe', 'mutual']),
    goals: text(true),
    starts_on: day(false),
    ends_on: { ...day(), check: notBefore('starts_on') },
    review_on: day(),
    status: oneOf(['draft', 'active', 'fulfilled', 'terminated', 'expired'], { defaultValue: 'draft' }),
    owner_user_id: fk('users', 'SET NULL'),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'agreements', [
    { fields: ['institution_id', 'status'] },
    { fields: ['institution_id', 'review_on'] },
    { fields: ['institution_id', 'title'] },
  ]);

  await createTable(qi, 'agreement_parties', {
    id: id(),
    agreement_id: fk('agreements', 'CASCADE', false),
    stakeholder_id: fk('stakeholders', 'RESTRICT', false),
    created_at: instant(false),
  });
  await addIndexes(qi, 'agreement_parties', [
    { fields: ['agreement_id', 'stakeholder_id'], unique: true },
    { fields: ['stakeholder_id'] },
  ]);

  await createTable(qi, 'obligations', {
    id: id(),
    institution_id: institutionFk(),
    agreement_id: fk('agreements', 'RESTRICT'),
    title: text(false, 200),
    description: text(true),
    // A named forum (supervisory board, DUO, Aw, IGJ…) when account is owed to other than stakeholders.
    forum: text(true, 120),
    form: oneOf(['report', 'meeting', 'publication', 'data-submission', 'dialogue']),
    basis: text(true, 300),
    responsible_user_id: fk('users', 'SET NULL'),
    lead_time_days: int(false, between(0, 366)),
    recurrence_kind: oneOf(['once', 'monthly', 'yearly']),
    recurrence_interval: int(true, (c) => `${c} IS NULL OR ${c} >= 1`),
    recurrence_day: int(true, (c) => `${c} IS NULL OR ${c} BETWEEN 1 AND 31`),
    recurrence_month_day: {
      ...text(true, 5),
      // Each kind carries exactly the fields it needs: monthly → interval and day; yearly → interval and MM-DD.
      check: (c) => `(recurrence_kind = 'once' AND recurrence_interval IS NULL AND recurrence_day IS NULL AND ${c} IS NULL)
        OR (recurrence_kind = 'monthly' AND recurrence_interval IS NOT NULL AND recurrence_day IS NOT NULL AND ${c} IS NULL)
        OR (recurrence_kind = 'yearly' AND recurrence_interval IS NOT NULL AND recurrence_day IS NULL AND length(${c}) = 5)`,
    },
    starts_on: day(false),
    ends_on: { ...day(), check: notBefore('starts_on') },
    reports_on: oneOf(['previous', 'current'], { defaultValue: 'previous' }),
    active: flag(true),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'obligations', [
    { fields: ['institution_id', 'title'] },
    { fields: ['responsible_user_id'] },
    { fields: ['agreement_id'] },
  ]);

  await createTable(qi, 'obligation_stakeholders', {
    id: id(),
    obligation_id: fk('obligations', 'CASCADE', false),
    stakeholder_id: fk('stakeholders', 'RESTRICT', false),
    created_at: instant(false),
  });
  await addIndexes(qi, 'obligation_stakeholders', [
    { fields: ['obligation_id', 'stakeholder_id'], unique: true },
    { fields: ['stakeholder_id'] },
  ]);

  await createTable(qi, 'reporting_moments', {
    id: id(),
    // Stable calendar UID: a re-imported feed updates the event instead of duplicating it.
    uid: text(false, 80),
    institution_id: institutionFk(),
    obligation_id: fk('obligations', 'CASCADE', false),
    due_on: day(false),
    // due_on minus the obligation's lead time, written with the moment so status filters run in SQL.
    remind_from: day(false),
    period_start: day(false),
    period_end: { ...day(false), check: notBefore('period_start') },
    rendered_on: day(),
    rendered_by_user_id: fk('users', 'SET NULL'),
    note: text(true),
    waived_on: { ...day(), check: (c) => `${c} IS NULL OR rendered_on IS NULL` },
    waived_by_user_id: fk('users', 'SET NULL'),
    waive_reason: { ...text(true), check: (c) => `waived_on IS NULL OR ${c} IS NOT NULL` },
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'reporting_moments', [
    { fields: ['uid'], unique: true },
    { fields: ['obligation_id', 'period_start'], unique: true },
    { fields: ['institution_id', 'due_on'] },
    { fields: ['institution_id', 'remind_from'], where: 'rendered_on IS NULL AND waived_on IS NULL' },
  ]);

  // Files and links: an agreement's documents and a reporting moment's evidence.
  await createTable(qi, 'attachments', {
    id: id(),
    institution_id: institutionFk(),
    agreement_id: fk('agreements', 'CASCADE'),
    reporting_moment_id: {
      ...fk('reporting_moments', 'CASCADE'),
      check: (c) => `(${c} IS NULL) <> (agreement_id IS NULL)`,
    },
    kind: oneOf(['file', 'link']),
    title: text(false, 200),
    url: { ...text(true, 2000), check: (c) => `kind <> 'link' OR ${c} IS NOT NULL` },
    file_name: text(true, 255),
    content_type: text(true, 120),
    size_bytes: int(true, (c) => `${c} IS NULL OR ${c} BETWEEN 0 AND ${MAX_FILE_BYTES}`),
    content: {
      type: DataTypes.BLOB,
      allowNull: true,
      check: (c) => `kind <> 'file' OR (${c} IS NOT NULL AND file_name IS NOT NULL AND size_bytes IS NOT NULL)`,
    },
    uploaded_by_user_id: fk('users', 'SET NULL'),
    created_at: instant(false),
  });
  await addIndexes(qi, 'attachments', [{ fields: ['agreement_id'] }, { fields: ['reporting_moment_id'] }]);

  // One reminder per person, moment and day: the unique key decides, also between two app servers.
  await createTable(qi, 'reminder_deliveries', {
    id: id(),
    user_id: fk('users', 'CASCADE', false),
    reporting_moment_id: fk('reporting_moments', 'CASCADE', false),
    sent_on: day(false),
    created_at: instant(false),
  });
  await addIndexes(qi, 'reminder_deliveries', [
    { fields: ['user_id', 'reporting_moment_id', 'sent_on'], unique: true },
    { fields: ['reporting_moment_id'] },
  ]);
}

export async function down(qi: QueryInterface): Promise<void> {
  await dropTables(qi, [
    'reminder_deliveries', 'attachments', 'reporting_moments', 'obligation_stakeholders', 'obligations',
    'agreement_parties', 'agreements',
  ]);
}
