import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  effectiveRegime,
  formatIssuePath,
  statementTargets,
  validateCodeLibrary,
  type CodeLibrary,
  type Regime,
} from '~/modules/governance/library-schema';

const SHIPPED = ['woningcorporaties-2020.json', 'zorg-2022.json', 'mbo-2019.json'];

function shipped(file: string): unknown {
  return JSON.parse(readFileSync(path.resolve('seeds/governance-codes', file), 'utf8'));
}

const text = (nl: string, en: string) => ({ nl, en });

/** A small valid library; each bad case below breaks exactly one thing in a fresh copy. */
function fixture() {
  return {
    key: 'test-code',
    version: '2024',
    title: text('Testcode', 'Test code'),
    issuer: 'Testbond',
    sectors: ['housing'],
    validFrom: '2024-01-01',
    validUntil: null as string | null,
    sourceUrl: 'https://example.org/code',
    coverage: 'partial',
    principles: [
      {
        number: '4',
        title: text('Dialoog', 'Dialogue'),
        provisions: [
          {
            number: '4.1',
            title: text('Overleg met huurders', 'Consulting tenants'),
            regime: 'comply-or-explain',
            addressee: 'board',
            tags: ['stakeholders', 'dialogue'],
          },
          {
            number: '4.2',
            title: text('Verantwoording', 'Accountability'),
            regime: 'unspecified',
            tags: ['accountability'],
          },
        ],
      },
      { number: '5', title: text('Risico', 'Risk'), regime: 'mandatory', provisions: [] },
    ],
  };
}

type Fixture = ReturnType<typeof fixture> & Record<string, unknown>;

function errorPaths(json: unknown): string[] {
  const result = validateCodeLibrary(json);
  if (result.ok) throw new Error('expected the library to be refused');
  return result.errors.map((error) => error.path);
}

describe('the shipped code libraries', () => {
  it.each(SHIPPED)('%s validates', (file) => {
    const result = validateCodeLibrary(shipped(file));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(SHIPPED)('%s says it is partial: none lists every provision of its code', (file) => {
    const result = validateCodeLibrary(shipped(file));
    expect(result.ok && result.library.coverage).toBe('partial');
  });

  it('the housing code has its five principles, each open for a statement of its own', () => {
    const result = validateCodeLibrary(shipped('woningcorporaties-2020.json'));
    if (!result.ok) throw new Error('invalid');
    const targets = statementTargets(result.library);
    expect(targets.map((t) => [t.kind, t.number])).toEqual(['1', '2', '3', '4', '5'].map((n) => ['principle', n]));
  });

  it('the healthcare code lists its known provisions, and principle 2 (no provisions listed) carries its own statement', () => {
    const result = validateCodeLibrary(shipped('zorg-2022.json'));
    if (!result.ok) throw new Error('invalid');
    expect(result.library.principles).toHaveLength(7);
    const targets = statementTargets(result.library);
    expect(targets.find((t) => t.number === '3.1.1')).toMatchObject({ kind: 'provision', principleNumber: '3' });
    expect(targets.find((t) => t.number === '2')).toMatchObject({ kind: 'principle', regime: 'apply-and-explain' });
    expect(targets.every((t) => t.regime === 'apply-and-explain')).toBe(true);
  });

  it('the MBO code keeps chapter 3 mandatory and chapter 4 a recommendation', () => {
    const result = validateCodeLibrary(shipped('mbo-2019.json'));
    if (!result.ok) throw new Error('invalid');
    const regimeOf = (n: string) => statementTargets(result.library).find((t) => t.number === n)?.regime;
    expect(regimeOf('3')).toBe('mandatory');
    expect(regimeOf('4')).toBe('recommendation');
  });
});

describe('validateCodeLibrary', () => {
  it('accepts the fixture, filling in what may be left out', () => {
    const json: Fixture = fixture();
    delete (json as Record<string, unknown>).validUntil;
    delete (json.principles[0].provisions[1] as Record<string, unknown>).tags;
    const result = validateCodeLibrary(json);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.library.validUntil).toBeNull();
    expect(result.library.principles[0].provisions[1].tags).toEqual([]);
  });

  const badFiles: [string, (json: Fixture) => unknown, string[]][] = [
    ['a regime outside the list', (j) => { j.principles[0].provisions[1].regime = 'pas-toe'; }, ['principles[0].provisions[1].regime']],
    ['a missing title.nl', (j) => { delete (j.title as Partial<typeof j.title>).nl; }, ['title.nl']],
    ['a blank title.en', (j) => { j.title.en = '   '; }, ['title.en']],
    ['a missing provision title', (j) => { delete (j.principles[0].provisions[0] as Record<string, unknown>).title; }, ['principles[0].provisions[0].title']],
    ['29 February in a common year', (j) => { j.validFrom = '2023-02-29'; }, ['validFrom']],
    ['month 13', (j) => { j.validFrom = '2024-13-01'; }, ['validFrom']],
    ['a Dutch-written date', (j) => { j.validFrom = '01-01-2024'; }, ['validFrom']],
    ['a bad validUntil', (j) => { j.validUntil = '2024-04-31'; }, ['validUntil']],
    ['validUntil before validFrom', (j) => { j.validUntil = '2023-12-31'; }, ['validUntil']],
    ['a duplicate provision number', (j) => { j.principles[0].provisions[1].number = '4.1'; }, ['principles[0].provisions[1].number']],
    ['a provision outside its principle', (j) => { j.principles[0].provisions[0].number = '5.1'; }, ['principles[0].provisions[0].number']],
    ['a provision that only looks like its principle', (j) => { j.principles[0].provisions[0].number = '41.1'; }, ['principles[0].provisions[0].number']],
    ['a provision numbered as its principle', (j) => { j.principles[0].provisions[0].number = '4'; }, ['principles[0].provisions[0].number']],
    ['a duplicate principle number', (j) => { j.principles[1].number = '4'; }, ['principles[1].number']],
    ['a number that is not a number', (j) => { j.principles[1].number = 'IV'; }, ['principles[1].number']],
    ['an unknown key at the top', (j) => { j.$comment = 'mapping notes'; }, ['$comment']],
    ['an unknown key in a provision', (j) => { (j.principles[0].provisions[0] as Record<string, unknown>).text = 'the code\'s text'; }, ['principles[0].provisions[0].text']],
    ['an unknown language', (j) => { (j.title as Record<string, string>).de = 'Testkodex'; }, ['title.de']],
    ['complete coverage with a principle that lists no provisions', (j) => { j.coverage = 'complete'; }, ['coverage']],
    ['no principles', (j) => { j.principles = []; }, ['principles']],
    ['no sectors', (j) => { j.sectors = []; }, ['sectors']],
    ['a sector outside the list', (j) => { j.sectors = ['schools']; }, ['sectors[0]']],
    ['a sector twice', (j) => { j.sectors = ['housing', 'housing']; }, ['sectors[1]']],
    ['a key that is not kebab-case', (j) => { j.key = 'Woning_Corporaties'; }, ['key']],
    ['a source that is not http(s)', (j) => { j.sourceUrl = 'ftp://example.org/code.pdf'; }, ['sourceUrl']],
    ['an unknown tag', (j) => { j.principles[0].provisions[0].tags = ['stakeholders', 'vibes']; }, ['principles[0].provisions[0].tags[1]']],
    ['a tag twice', (j) => { j.principles[0].provisions[0].tags = ['dialogue', 'dialogue']; }, ['principles[0].provisions[0].tags[1]']],
    ['an addressee outside the list', (j) => { j.principles[0].provisions[0].addressee = 'minister'; }, ['principles[0].provisions[0].addressee']],
    ['provisions left out', (j) => { delete (j.principles[1] as Record<string, unknown>).provisions; }, ['principles[1].provisions']],
    ['something that is not a library at all', () => [], ['(root)']],
  ];

  it.each(badFiles)('refuses %s, pointing at the exact place', (_label, breakIt, expected) => {
    const json: Fixture = fixture();
    const replaced = breakIt(json);
    expect(errorPaths(replaced === undefined ? json : replaced)).toEqual(expected);
  });

  it('reports every problem at once, not only the first', () => {
    const json: Fixture = fixture();
    json.principles[0].provisions[1].regime = 'pas-toe';
    json.validFrom = '2024-02-30';
    expect(errorPaths(json).sort()).toEqual(['principles[0].provisions[1].regime', 'validFrom']);
  });
});

describe('formatIssuePath', () => {
  it.each([
    [[], '(root)'],
    [['coverage'], 'coverage'],
    [['principles', 2, 'provisions', 4, 'regime'], 'principles[2].provisions[4].regime'],
    [['sectors', 0], 'sectors[0]'],
  ] as [(string | number)[], string][])('%j → %s', (issuePath, expected) => {
    expect(formatIssuePath(issuePath)).toBe(expected);
  });
});

describe('statementTargets', () => {
  it('lists every provision, and each principle that lists none, in the order of the code', () => {
    const library = fixture() as unknown as CodeLibrary;
    library.principles.push({ number: '6', title: text('Leren', 'Learning'), provisions: [] });
    expect(statementTargets(library)).toEqual([
      { kind: 'provision', number: '4.1', principleNumber: '4', title: text('Overleg met huurders', 'Consulting tenants'), regime: 'comply-or-explain', tags: ['stakeholders', 'dialogue'] },
      { kind: 'provision', number: '4.2', principleNumber: '4', title: text('Verantwoording', 'Accountability'), regime: 'unspecified', tags: ['accountability'] },
      { kind: 'principle', number: '5', principleNumber: '5', title: text('Risico', 'Risk'), regime: 'mandatory', tags: [] },
      // No regime on the principle: the source does not tell.
      { kind: 'principle', number: '6', principleNumber: '6', title: text('Leren', 'Learning'), regime: 'unspecified', tags: [] },
    ]);
  });

  it('does not offer a principle whose provisions are listed', () => {
    const targets = statementTargets(fixture() as unknown as CodeLibrary);
    expect(targets.some((t) => t.kind === 'principle' && t.number === '4')).toBe(false);
  });
});

describe('effectiveRegime', () => {
  it.each([
    ['unspecified', 'comply-or-explain'],
    ['comply-or-explain', 'comply-or-explain'],
    ['apply-and-explain', 'apply-and-explain'],
    ['mandatory', 'mandatory'],
    ['recommendation', 'recommendation'],
  ] as [Regime, Regime][])('%s is treated as %s', (regime, expected) => {
    expect(effectiveRegime(regime)).toBe(expected);
  });
});
