import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { adoptCode, importCodeLibrary } from '~/modules/governance/mutations.server';
import { validateCodeLibrary, type CodeLibrary } from '~/modules/governance/library-schema';
import type { Regime } from '~/modules/governance/rules';
import { CodePrinciple, CodeProvision } from '~/utils/db.server';
import { makeWorld } from './obligations-fixtures';

/**
 * Test data for the compliance pages: a small code library of our own (every regime, a principle
 * without listed provisions), adopted by both institutions of the obligations' world.
 */
let sequence = 0;

const text = (en: string) => ({ nl: `${en} (nl)`, en });

export type ProvisionSpec = { number: string; regime: Regime };

/** A valid library file: principle "1" with the given provisions, and principle "2" with none listed. */
export function testLibrary(
  provisions: ProvisionSpec[] = [
    { number: '1.1', regime: 'comply-or-explain' },
    { number: '1.2', regime: 'apply-and-explain' },
    { number: '1.3', regime: 'mandatory' },
  ],
  overrides: Partial<CodeLibrary> = {},
): CodeLibrary {
  const library = {
    key: `test-code-${++sequence}`,
    version: '2020',
    title: { nl: 'Testcode goed bestuur', en: 'Test code of good governance' },
    issuer: 'Test issuer',
    sectors: ['vocational-education', 'housing'],
    validFrom: '2020-01-01',
    validUntil: null,
    sourceUrl: 'https://example.org/code',
    coverage: 'partial',
    principles: [
      {
        number: '1',
        title: text('Board and supervision'),
        provisions: provisions.map((p) => ({ number: p.number, title: text(`Provision ${p.number}`), regime: p.regime, tags: ['stakeholders'] })),
      },
      { number: '2', title: text('Dialogue with stakeholders'), regime: 'comply-or-explain', provisions: [] },
    ],
    ...overrides,
  };
  const validated = validateCodeLibrary(library);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return validated.library;
}

export async function importTestCode(library: CodeLibrary = testLibrary()) {
  const { codeId } = await importCodeLibrary(SYSTEM_ACTOR, library);
  const provisions = await CodeProvision.findAll({ where: { codeId }, order: [['position', 'ASC']] });
  const principles = await CodePrinciple.findAll({ where: { codeId }, order: [['position', 'ASC']] });
  return {
    codeId,
    provisionIds: Object.fromEntries(provisions.map((p) => [p.number, p.id])) as Record<string, number>,
    principleIds: Object.fromEntries(principles.map((p) => [p.number, p.id])) as Record<string, number>,
  };
}

/** The obligations' world, with the test code adopted by the college and the corporation from 2020. */
export async function makeComplianceWorld(library?: CodeLibrary) {
  const world = await makeWorld();
  const code = await importTestCode(library);
  await adoptCode(SYSTEM_ACTOR, { institutionId: world.college.id, codeId: code.codeId, adoptedFrom: '2020-01-01' });
  await adoptCode(SYSTEM_ACTOR, { institutionId: world.corporation.id, codeId: code.codeId, adoptedFrom: '2020-01-01' });
  return { ...world, code };
}
export type ComplianceWorld = Awaited<ReturnType<typeof makeComplianceWorld>>;

/** A sentence long enough to count as an explanation. */
export const EXPLANATION = 'De raad van toezicht telt drie leden omdat de stichting klein is; in 2026 komt er een vierde lid.';
