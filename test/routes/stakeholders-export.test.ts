import { beforeAll, describe, expect, it } from 'vitest';
import * as csvRoute from '~/routes/_app.i.$institutionId.stakeholders[.]csv';
import * as registerRoute from '~/routes/_app.i.$institutionId.stakeholders._index';
import { csvCell, toCsv } from '~/utils/csv';
import { AuditEvent } from '~/utils/db.server';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import { assess, makeCast, makeOrganisationStakeholder } from '../modules/stakeholders-fixtures';
import { parseCsv } from '../support/csv';

type Cast = Awaited<ReturnType<typeof makeCast>>;
let cast: Cast;

const params = () => ({ institutionId: String(cast.college.id) });
const path = (p: string) => `/i/${cast.college.id}${p}`;


async function download(user: { id: number }, query: string, lng?: string) {
  const request = await signedInRequest(user, path(`/stakeholders.csv${query}`), lng ? { headers: { 'Accept-Language': lng } } : {});
  return responseOf(csvRoute.loader(routeArgs(request, params())));
}

beforeAll(async () => {
  cast = await makeCast();
  const names = ['Gemeente Een', 'Gemeente Twee', 'Gemeente Drie', 'Inspectie Vier', '=HYPERLINK("http://evil")', '+Plus Partij', '-Min Partij', '@At Partij'];
  for (const [index, name] of names.entries()) {
    const s = await makeOrganisationStakeholder(cast.college, name, {
      category: index < 3 || index > 3 ? 'government' : 'regulator', tier: index % 2 ? 'b' : 'a', tierRationale: index === 0 ? 'Zegt "ja", en dan:\nnieuwe regel' : undefined,
    });
    if (index < 4) await assess(cast.college, s, { assessedOn: '2026-01-0' + (index + 1), power: 5 - index, interest: 2 + index });
  }
  await makeOrganisationStakeholder(cast.corporation, 'Gemeente Elders', { category: 'government' });
});

describe('the CSV writer', () => {
  it.each([
    ['=1+1', "'=1+1"], ['+31 6 1234', "'+31 6 1234"], ['-2', "'-2"], ['@SUM(A1)', "'@SUM(A1)"], ['\tTab', "'\tTab"], ['\rCR', `"'\rCR"`],
    ['gewoon', 'gewoon'], ['a,b', '"a,b"'], ['zegt "ja"', '"zegt ""ja"""'], ['regel\nregel', '"regel\nregel"'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves numbers alone, even negative ones, and writes nothing for null', () => {
    expect(toCsv(['a', 'b', 'c'], [[-3, null, 4.5]])).toBe('a,b,c\r\n-3,,4.5\r\n');
  });
});

describe('the register as CSV', () => {
  it('equals the filtered list, all pages, in the same order', async () => {
    const query = '?category=government&sort=power&dir=desc&perPage=25';
    const listed = await jsonOf<{ rows: { id: number; name: string }[]; total: number }>(
      await responseOf(registerRoute.loader(routeArgs(await signedInRequest(cast.supervisor, path(`/stakeholders${query}`)), params()))),
    );
    const response = await download(cast.supervisor, `${query}&page=2`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="stakeholders-\d+-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header![0]).toBe('Id');
    expect(rows.map((r) => Number(r[0]))).toEqual(listed.rows.map((r) => r.id));
    expect(rows).toHaveLength(listed.total);
    expect(listed.total).toBe(7);
  });

  it('neutralises formulas and keeps quotes and line breaks inside a cell', async () => {
    const [, ...rows] = parseCsv(await (await download(cast.secretary, '?sort=name')).text());
    const names = rows.map((r) => r[1]);
    expect(names).toContain(`'=HYPERLINK("http://evil")`);
    expect(names).toContain(`'+Plus Partij`);
    expect(names).toContain(`'-Min Partij`);
    expect(names).toContain(`'@At Partij`);
    expect(rows.find((r) => r[1] === 'Gemeente Een')![5]).toBe('Zegt "ja", en dan:\nnieuwe regel');
  });

  it('speaks the user’s language in the header and the values, and is audited as an export', async () => {
    const before = await AuditEvent.count({ where: { institutionId: cast.college.id, action: 'export' } });
    const text = await (await download(cast.manager, '?tier=a&q=gemeente', 'nl')).text();
    const [header, ...rows] = parseCsv(text);
    expect(header!.slice(0, 4)).toEqual(['Id', 'Naam', 'Soort partij', 'Categorie']);
    expect(rows.every((r) => r[4] === 'Tier A' && r[3] === 'Overheid')).toBe(true);
    const events = await AuditEvent.findAll({ where: { institutionId: cast.college.id, action: 'export' }, order: [['id', 'ASC']] });
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)!.changes).toMatchObject({ selection: [null, { tier: 'a', q: 'gemeente' }], rows: [null, rows.length] });
  });

  it('is 404 for a member of another institution and never contains another institution’s rows', async () => {
    expect((await download(cast.otherSecretary, '')).status).toBe(404);
    const text = await (await download(cast.admin, '')).text();
    expect(text).not.toContain('Gemeente Elders');
  });
});
