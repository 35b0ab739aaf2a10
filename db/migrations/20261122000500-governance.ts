import type { QueryInterface } from 'sequelize';
import {
  addIndexes, createTable, day, dropTables, fk, flag, id, institutionFk, instant, int, json, notBefore, oneOf, text,
  timestamps, version,
} from './helpers';

const REGIMES = ['comply-or-explain', 'apply-and-explain', 'mandatory', 'recommendation', 'unspecified'];
const STATEMENT_STATUSES = ['complies', 'partially', 'explains', 'not-applicable', 'not-assessed'];

export async function up(qi: QueryInterface): Promise<void> {
  // The library is shared by all institutions; texts carry { nl, en }.
  await createTable(qi, 'governance_codes', {
    id: id(),
    key: text(false, 80),
    version: text(false, 40),
    title: json(false),
    issuer: text(false, 200),
    sectors: json(false),
    valid_from: day(false),
    valid_until: { ...day(), check: notBefore('valid_from') },
    source_url: text(true, 500),
    coverage: oneOf(['complete', 'partial']),
    ...timestamps(),
  });
  await addIndexes(qi, 'governance_codes', [{ fields: ['key', 'version'], unique: true }]);

  await createTable(qi, 'code_principles', {
    id: id(),
    code_id: fk('governance_codes', 'CASCADE', false),
    number: text(false, 20),
    title: json(false),
    summary: json(),
    regime: oneOf(REGIMES, { allowNull: true }),
    position: int(false),
    ...timestamps(),
  });
  await addIndexes(qi, 'code_principles', [{ fields: ['code_id', 'number'], unique: true }]);

  await createTable(qi, 'code_provisions', {
    id: id(),
    code_id: fk('governance_codes', 'CASCADE', false),
    principle_id: fk('code_principles', 'CASCADE', false),
    number: text(false, 20),
    title: json(false),
    summary: json(),
    regime: oneOf(REGIMES),
    addressee: text(true, 60),
    tags: json(false),
    position: int(false),
    ...timestamps(),
  });
  await addIndexes(qi, 'code_provisions', [
    { fields: ['code_id', 'number'], unique: true },
    { fields: ['principle_id'] },
  ]);

  await createTable(qi, 'obligation_provisions', {
    id: id(),
    obligation_id: fk('obligations', 'CASCADE', false),
    provision_id: fk('code_provisions', 'RESTRICT', false),
    created_at: instant(false),
  });
  await addIndexes(qi, 'obligation_provisions', [
    { fields: ['obligation_id', 'provision_id'], unique: true },
    { fields: ['provision_id'] },
  ]);

  await createTable(qi, 'code_adoptions', {
    id: id(),
    institution_id: institutionFk(),
    code_id: fk('governance_codes', 'RESTRICT', false),
    adopted_from: day(false),
    adopted_until: { ...day(), check: notBefore('adopted_from') },
    ...timestamps(),
  });
  await addIndexes(qi, 'code_adoptions', [
    { fields: ['institution_id', 'code_id'], unique: true },
    { fields: ['code_id'] },
  ]);

  // The approval and lock of one institution's statements for one year.
  await createTable(qi, 'compliance_years', {
    id: id(),
    institution_id: institutionFk(),
    year: int(false, (c) => `${c} BETWEEN 2000 AND 2100`),
    approved_at: instant(),
    approved_by_user_id: fk('users', 'SET NULL'),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'compliance_years', [{ fields: ['institution_id', 'year'], unique: true }]);

  await createTable(qi, 'compliance_statements', {
    id: id(),
    institution_id: institutionFk(),
    year: int(false, (c) => `${c} BETWEEN 2000 AND 2100`),
    code_id: fk('governance_codes', 'RESTRICT', false),
    provision_id: fk('code_provisions', 'RESTRICT'),
    // A principle whose provisions the library does not list carries its own statement.
    principle_id: {
      ...fk('code_principles', 'RESTRICT'),
      check: (c) => `(${c} IS NULL) <> (provision_id IS NULL)`,
    },
    status: oneOf(STATEMENT_STATUSES, { defaultValue: 'not-assessed' }),
    explanation: text(true),
    // Copied from last year: stays marked until someone reviews it.
    needs_review: flag(false),
    updated_by_user_id: fk('users', 'SET NULL'),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'compliance_statements', [
    { fields: ['institution_id', 'year', 'provision_id'], unique: true, where: 'provision_id IS NOT NULL' },
    { fields: ['institution_id', 'year', 'principle_id'], unique: true, where: 'principle_id IS NOT NULL' },
    { fields: ['institution_id', 'year', 'status'] },
    { fields: ['code_id', 'year'] },
  ]);

  await createTable(qi, 'statement_evidence', {
    id: id(),
    statement_id: fk('compliance_statements', 'CASCADE', false),
    obligation_id: fk('obligations', 'CASCADE'),
    reporting_moment_id: fk('reporting_moments', 'CASCADE'),
    agreement_id: fk('agreements', 'CASCADE'),
    engagement_id: {
      ...fk('engagements', 'CASCADE'),
      // Exactly one target per evidence link.
      check: (c) =>
        `(CASE WHEN obligation_id IS NULL THEN 0 ELSE 1 END + CASE WHEN reporting_moment_id IS NULL THEN 0 ELSE 1 END
        + CASE WHEN agreement_id IS NULL THEN 0 ELSE 1 END + CASE WHEN ${c} IS NULL THEN 0 ELSE 1 END) = 1`,
    },
    created_at: instant(false),
  });
  await addIndexes(qi, 'statement_evidence', [
    { fields: ['statement_id', 'obligation_id'], unique: true, where: 'obligation_id IS NOT NULL' },
    { fields: ['statement_id', 'reporting_moment_id'], unique: true, where: 'reporting_moment_id IS NOT NULL' },
    { fields: ['statement_id', 'agreement_id'], unique: true, where: 'agreement_id IS NOT NULL' },
    { fields: ['statement_id', 'engagement_id'], unique: true, where: 'engagement_id IS NOT NULL' },
    { fields: ['obligation_id'] },
    { fields: ['reporting_moment_id'] },
    { fields: ['agreement_id'] },
    { fields: ['engagement_id'] },
  ]);
}

export async function down(qi: QueryInterface): Promise<void> {
  await dropTables(qi, [
    'statement_evidence', 'compliance_statements', 'compliance_years', 'code_adoptions', 'obligation_provisions',
    'code_provisions', 'code_principles', 'governance_codes',
  ]);
}
