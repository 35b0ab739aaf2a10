import { describe, expect, it } from 'vitest';
import {
  complianceShare, countStatuses, evidenceHealth, evidenceTally, explanationRequired, explanationTooShort, MIN_EXPLANATION_LENGTH,
  overlapsYear, REGIMES, STATEMENT_STATUSES, statementFlags, type EvidenceHealth, type FlagInput, type Regime, type StatementStatus,
} from '~/modules/governance/rules';
import type { MomentStatus } from '~/modules/obligations/rules';

describe('explanationRequired: per regime and status', () => {
  // Rows: regime → the statuses that need an explanation. DESIGN.md: partially, explains and
  // not-applicable always; under apply-and-explain every status that says something.
  const NEEDS: Record<Regime, StatementStatus[]> = {
    'comply-or-explain': ['partially', 'explains', 'not-applicable'],
    unspecified: ['partially', 'explains', 'not-applicable'],
    mandatory: ['partially', 'explains', 'not-applicable'],
    recommendation: ['partially', 'explains', 'not-applicable'],
    'apply-and-explain': ['complies', 'partially', 'explains', 'not-applicable'],
  };
  it.each(REGIMES.flatMap((regime) => STATEMENT_STATUSES.map((status) => [regime, status] as const)))(
    '%s, %s',
    (regime, status) => {
      expect(explanationRequired(status, regime)).toBe(NEEDS[regime].includes(status));
    },
  );
});

describe('explanationTooShort: shorter than a sentence', () => {
  const exactly = (n: number) => 'x'.repeat(n);
  it.each([
    [null, true],
    ['', true],
    ['   ', true],
    ['Zie jaarverslag.', true],
    [exactly(MIN_EXPLANATION_LENGTH - 1), true],
    [exactly(MIN_EXPLANATION_LENGTH), false],
    // Whitespace around the words does not make an explanation longer.
    [`  ${exactly(MIN_EXPLANATION_LENGTH - 1)}\n\n`, true],
    // Counted in characters, not UTF-16 units: accents and emoji count once.
    ['é'.repeat(MIN_EXPLANATION_LENGTH - 1), true],
    ['🙂'.repeat(MIN_EXPLANATION_LENGTH - 1), true],
    ['De raad van toezicht telt vier leden omdat de stichting klein is.', false],
  ])('%j → %s', (explanation, tooShort) => {
    expect(explanationTooShort(explanation)).toBe(tooShort);
  });
});

describe('complianceShare: (complies + ½ partially) ÷ (all − not applicable)', () => {
  const counts = (c: Partial<Record<StatementStatus, number>>) =>
    countStatuses(Object.entries(c).flatMap(([status, n]) => Array<StatementStatus>(n).fill(status as StatementStatus)));
  it.each([
    ['nothing at all', {}, null],
    ['only not applicable', { 'not-applicable': 3 }, null],
    ['all complied', { complies: 4 }, 1],
    ['a partial counts half', { complies: 1, partially: 1 }, 0.75],
    ['not applicable leaves the denominator', { complies: 3, 'not-applicable': 5 }, 1],
    ['not assessed counts against', { complies: 3, 'not-assessed': 1 }, 0.75],
    ['explains counts against', { complies: 1, explains: 1 }, 0.5],
    ['the hand-computed mix', { complies: 5, partially: 2, explains: 1, 'not-applicable': 2, 'not-assessed': 2 }, 0.6],
    ['all not assessed', { 'not-assessed': 2 }, 0],
  ])('%s', (_, c, share) => {
    expect(complianceShare(counts(c))).toBe(share);
  });
});

describe('evidenceHealth: the worst of the moments in scope', () => {
  it.each<[MomentStatus[], EvidenceHealth]>([
    [[], 'none'],
    [['waived'], 'none'],
    [['waived', 'waived'], 'none'],
    [['rendered'], 'on-time'],
    // Not yet due is not yet wrong.
    [['planned'], 'on-time'],
    [['due-soon'], 'on-time'],
    [['rendered', 'waived'], 'on-time'],
    [['rendered-late'], 'late'],
    [['rendered', 'rendered-late', 'planned'], 'late'],
    [['overdue'], 'overdue'],
    [['rendered', 'rendered-late', 'overdue', 'waived'], 'overdue'],
  ])('%j → %s', (statuses, health) => {
    expect(evidenceHealth(statuses)).toBe(health);
  });

  it('tallies each moment once, waived ones nowhere', () => {
    expect(evidenceTally(['rendered', 'rendered', 'rendered-late', 'overdue', 'planned', 'due-soon', 'waived']))
      .toEqual({ onTime: 2, late: 1, overdue: 1, pending: 2 });
  });
});

describe('statementFlags', () => {
  const base: FlagInput = { status: 'complies', regime: 'comply-or-explain', explanation: null, health: 'on-time', evidenceLinks: 1 };
  const long = 'We wijken af omdat de raad van toezicht uit drie leden bestaat.';
  it.each<[string, Partial<FlagInput>, string[]]>([
    ['complies with evidence on time', {}, []],
    ['complies with late evidence', { health: 'late' }, []],
    ['complies while evidence is overdue', { health: 'overdue' }, ['evidence-overdue']],
    ['complies with no moments and no links', { health: 'none', evidenceLinks: 0 }, ['evidence-missing']],
    ['complies with no moments but an agreement linked', { health: 'none', evidenceLinks: 1 }, []],
    ['explains with overdue evidence is not "complies"', { status: 'explains', health: 'overdue', explanation: long }, []],
    ['a mandatory provision explained', { status: 'explains', regime: 'mandatory', explanation: long }, ['mandatory-not-complied']],
    ['a mandatory provision partially', { status: 'partially', regime: 'mandatory', explanation: long }, ['mandatory-not-complied']],
    ['a mandatory provision not applicable', { status: 'not-applicable', regime: 'mandatory', explanation: long }, []],
    ['a mandatory provision not assessed', { status: 'not-assessed', regime: 'mandatory' }, []],
    ['a short explanation where one is required', { status: 'explains', explanation: 'Zie verslag.' }, ['explanation-too-short']],
    ['a short explanation where none is required', { explanation: 'Ja.' }, []],
    ['apply-and-explain complying without a sentence', { regime: 'apply-and-explain', explanation: 'Ja.' }, ['explanation-too-short']],
    ['apply-and-explain complying with a sentence', { regime: 'apply-and-explain', explanation: long }, []],
    ['everything at once', { status: 'partially', regime: 'mandatory', explanation: null }, ['mandatory-not-complied', 'explanation-too-short']],
    ['unspecified reads as comply-or-explain', { regime: 'unspecified', explanation: null }, []],
  ])('%s', (_, input, flags) => {
    expect(statementFlags({ ...base, ...input })).toEqual(flags);
  });
});

describe('overlapsYear', () => {
  it.each([
    ['2020-01-01', null, 2025, true],
    ['2025-12-31', null, 2025, true],
    ['2026-01-01', null, 2025, false],
    ['2020-01-01', '2025-01-01', 2025, true],
    ['2020-01-01', '2024-12-31', 2025, false],
  ])('%s..%s touches %s: %s', (from, until, year, overlaps) => {
    expect(overlapsYear(from, until, year)).toBe(overlaps);
  });
});
