import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { recordRendering } from '~/modules/obligations/mutations.server';
import { listMemberOptions, WRITE_ROLES } from '~/modules/obligations/people.server';
import { listDashboardMoments } from '~/modules/obligations/queries.server';
import * as calendarRoute from '~/routes/_app.i.$institutionId.calendar';
import * as csvRoute from '~/routes/_app.i.$institutionId.calendar[.]csv';
import * as xlsxRoute from '~/routes/_app.i.$institutionId.calendar[.]xlsx';
import { AuditEvent, ReportingMoment, User } from '~/utils/db.server';
import { csvCell } from '~/utils/csv';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import { makeMember } from '../support/factories';
import { makeObligation, makeStakeholder, makeWorld, type World } from '../modules/obligations-fixtures';

/** The reporting calendar: filters in the URL, run in SQL; the exports carry the same rows. */

const TODAY = '2026-06-20';
let world: World;
const pinned = process.env.HORIZON_TODAY;

type Row = { id: number; dueOn: string; status: string; obligation: { title: string }; responsible: { id: number } | null };
type Option = { id: number; label: string };
type Picker = { chosen: { id: number; label: string | null } | null; options: Option[] | null };
const labels = (picker: Picker) => picker.options!.map((o) => o.label);
const titles = (data: { page: { rows: Row[] } | null }) => data.page!.rows.map((r) => r.obligation.title);

async function calendar(user: { id: number }, query = '') {
  const request = await signedInRequest(user, `/i/${world.college.id}/calendar${query}`);
  return jsonOf<{
    page: { rows: Row[]; total: number } | null; monthMoments: Row[] | null; counts: Record<string, number>;
    obligation: Picker; stakeholder: Picker;
  }>(
    await responseOf(calendarRoute.loader(routeArgs(request, { institutionId: String(world.college.id) }))),
  );
}

beforeAll(async () => {
  process.env.HORIZON_TODAY = TODAY;
  world = await makeWorld();
  // Overdue (1 June), due soon (30 June), planned (30 September), one per responsible person.
  await makeObligation(world.college, { title: 'Overdue bod', responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2026-06-01', stakeholderIds: [world.municipality.id] }, '2026-01-01');
  await makeObligation(world.college, { title: 'Due-soon jaarverslag', responsibleUserId: world.manager.id, recurrence: { kind: 'once' }, startsOn: '2026-06-30', leadTimeDays: 30 }, '2026-01-01');
  await makeObligation(world.college, { title: '=HYPERLINK("http://evil.example","click")', responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2026-09-30', stakeholderIds: [world.studentCouncil.id] }, '2026-01-01');
  const { id } = await makeObligation(world.college, { title: 'Rendered dialogue', responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2026-05-15' }, '2026-01-01');
  const [moment] = await ReportingMoment.findAll({ where: { obligationId: id } });
  await recordRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: moment.id, renderedOn: '2026-05-20', version: 0 }, TODAY);
  await makeObligation(world.corporation, { title: 'Not the college\'s', responsibleUserId: world.otherSecretary.id, recurrence: { kind: 'once' }, startsOn: '2026-06-01' }, '2026-01-01');
});

afterAll(() => {
  if (pinned === undefined) delete process.env.HORIZON_TODAY;
  else process.env.HORIZON_TODAY = pinned;
});

describe('the agenda', () => {
  it('shows the open moments by default, earliest first, with counts per status', async () => {
    const data = await calendar(world.supervisor);
    expect(data.page!.rows.map((r) => [r.obligation.title, r.status])).toEqual([
      ['Overdue bod', 'overdue'], ['Due-soon jaarverslag', 'due-soon'], ['=HYPERLINK("http://evil.example","click")', 'planned'],
    ]);
    expect(data.counts).toEqual({ planned: 1, 'due-soon': 1, overdue: 1, rendered: 0, 'rendered-late': 1, waived: 0 });
  });

  it.each([
    ['?status=overdue', ['Overdue bod']],
    ['?status=rendered-late', ['Rendered dialogue']],
    ['?status=all&sort=obligation&dir=asc', ['=HYPERLINK("http://evil.example","click")', 'Due-soon jaarverslag', 'Overdue bod', 'Rendered dialogue']],
    [`?status=all&from=2026-06-01&to=2026-06-30`, ['Overdue bod', 'Due-soon jaarverslag']],
    ['?status=all&to=2026-06-01&from=2026-06-30', ['Overdue bod', 'Due-soon jaarverslag']],
    ['?status=nonsense', ['Overdue bod', 'Due-soon jaarverslag', '=HYPERLINK("http://evil.example","click")']],
  ])('%s', async (query, titles) => {
    const data = await calendar(world.secretary, query);
    expect(data.page!.rows.map((r) => r.obligation.title)).toEqual(titles);
  });

  it('"my moments" is the signed-in person\'s; a stakeholder filter follows the obligation\'s links', async () => {
    const mine = await calendar(world.manager, '?responsible=me');
    expect(mine.page!.rows.map((r) => r.obligation.title)).toEqual(['Due-soon jaarverslag']);
    const byStakeholder = await calendar(world.secretary, `?status=all&stakeholderId=${world.studentCouncil.id}`);
    expect(byStakeholder.page!.rows.map((r) => r.obligation.title)).toEqual(['=HYPERLINK("http://evil.example","click")']);
  });

  it('the month view shows every moment due in the month, and counts the month', async () => {
    const data = await calendar(world.secretary, '?view=month&month=2026-06');
    expect(data.page).toBeNull();
    expect(data.monthMoments!.map((r) => [r.dueOn, r.status, r.obligation.title])).toEqual([
      ['2026-06-01', 'overdue', 'Overdue bod'], ['2026-06-30', 'due-soon', 'Due-soon jaarverslag'],
    ]);
    expect(data.counts).toEqual({ planned: 0, 'due-soon': 1, overdue: 1, rendered: 0, 'rendered-late': 0, waived: 0 });
    const overdue = await calendar(world.secretary, '?view=month&month=2026-06&status=overdue');
    expect(overdue.monthMoments!.map((r) => r.obligation.title)).toEqual(['Overdue bod']);
  });

  it('short filter lists offer the obligations and stakeholders of the moments shown; a chosen one is a chip', async () => {
    const june = await calendar(world.secretary, '?view=month&month=2026-06');
    expect(labels(june.obligation)).toEqual(['Due-soon jaarverslag', 'Overdue bod']);
    expect(labels(june.stakeholder)).toEqual(['Gemeente Horizon']);
    // Chosen elsewhere (the obligation page links here with its id): named as a chip, and the other list follows it.
    const chosen = await calendar(world.secretary, `?view=month&month=2026-06&stakeholderId=${world.studentCouncil.id}`);
    expect(chosen.stakeholder).toEqual({ chosen: { id: world.studentCouncil.id, label: 'Studentenraad' }, options: null });
    expect(chosen.obligation.options).toEqual([]);
    expect(chosen.monthMoments).toEqual([]);
    // The agenda's default (open moments): not the rendered one.
    const agenda = await calendar(world.secretary);
    expect(labels(agenda.obligation)).toEqual(['=HYPERLINK("http://evil.example","click")', 'Due-soon jaarverslag', 'Overdue bod']);
    expect(labels(agenda.stakeholder)).toEqual(['Gemeente Horizon', 'Studentenraad']);
    // Another institution's id filters (to nothing) but is never named.
    const foreign = await calendar(world.secretary, `?stakeholderId=${world.foreignStakeholder.id}`);
    expect(foreign.stakeholder.chosen).toEqual({ id: world.foreignStakeholder.id, label: null });
    expect(JSON.stringify(foreign)).not.toContain('Huurdersvereniging');
    expect(foreign.page!.rows).toEqual([]);
  });

  it('the responsible filter offers the active members who may write, by name', async () => {
    const former = await makeMember(world.college, 'secretary', { name: 'Anna Former' });
    await User.update({ active: false }, { where: { id: former.id } });
    expect((await listMemberOptions(world.college.id, WRITE_ROLES)).map((m) => m.label)).toEqual(['Mark Manager', 'Sanne Secretaris']);
    expect((await listMemberOptions(world.college.id)).map((m) => m.label)).toEqual(['Mark Manager', 'Sanne Secretaris', 'Sofie Toezicht']);
  });

  it('the dashboard gets the overdue moments and the next ones due', async () => {
    const { overdue, overdueTotal, upcoming } = await listDashboardMoments(world.college.id, TODAY);
    expect(overdue.map((m) => m.obligation.title)).toEqual(['Overdue bod']);
    expect(overdueTotal).toBe(1);
    expect(upcoming.map((m) => m.obligation.title)).toEqual(['Due-soon jaarverslag', '=HYPERLINK("http://evil.example","click")']);
  });
});

describe('the exports', () => {
  it('CSV: the filtered rows, formulas neutralised, audited', async () => {
    const request = await signedInRequest(world.secretary, `/i/${world.college.id}/calendar.csv?status=all&sort=dueOn`, { cookie: 'horizon_lng=en' });
    const response = await responseOf(csvRoute.loader(routeArgs(request, { institutionId: String(world.college.id) })));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^(Due|Uiterlijk),/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const events = await AuditEvent.findAll({ where: { entity: 'reporting-moment', action: 'export', institutionId: world.college.id } });
    expect(events.some((e) => JSON.stringify(e.changes).includes('csv'))).toBe(true);
  });

  it('XLSX: the same rows, text stays text', async () => {
    const request = await signedInRequest(world.secretary, `/i/${world.college.id}/calendar.xlsx?status=all`);
    const response = await responseOf(xlsxRoute.loader(routeArgs(request, { institutionId: String(world.college.id) })));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    const titles = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(3));
    const evil = titles.find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.formula).toBeUndefined();
  });

  it('another institution\'s export is 404', async () => {
    const request = await signedInRequest(world.otherSecretary, `/i/${world.college.id}/calendar.csv`);
    expect((await responseOf(csvRoute.loader(routeArgs(request, { institutionId: String(world.college.id) })))).status).toBe(404);
  });

  it.each([
    ['=1+1', "'=1+1"], ['+31 6', "'+31 6"], ['-2', "'-2"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', `"'\rx"`],
    ['plain', 'plain'], ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], [-2, '-2'], [null, ''],
  ])('a CSV cell %j becomes %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('searching by obligation or stakeholder', () => {
  let clientCouncil: { id: number };
  let quarterly: { id: number };

  beforeAll(async () => {
    // After the tests above: these moments would change their lists.
    clientCouncil = await makeStakeholder(world.college, 'Cliëntenraad');
    await makeObligation(world.college, { title: 'Overleg medezeggenschap', responsibleUserId: world.manager.id, recurrence: { kind: 'once' }, startsOn: '2026-08-14', stakeholderIds: [clientCouncil.id] }, '2026-01-01');
    quarterly = await makeObligation(world.college, { title: 'Kwartaalcijfers 100%', responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2026-07-10' }, '2026-01-01');
    // Another institution with the same words in a title and a stakeholder's name.
    const theirCouncil = await makeStakeholder(world.corporation, 'Cliëntenraad Corporatie');
    await makeObligation(world.corporation, { title: 'Overleg medezeggenschap corporatie', responsibleUserId: world.otherSecretary.id, recurrence: { kind: 'once' }, startsOn: '2026-08-14', stakeholderIds: [theirCouncil.id] }, '2026-01-01');
  });

  it.each([
    ['by title, any case', '?q=JAARverslag', ['Due-soon jaarverslag']],
    ['by a linked stakeholder\'s name', '?q=gemeente', ['Overdue bod']],
    ['by a name with a diaeresis, in capitals', `?q=${encodeURIComponent('CLIËNTENRAAD')}`, ['Overleg medezeggenschap']],
    ['title or name, surrounding spaces ignored', `?q=${encodeURIComponent('  raad ')}`, ['Overleg medezeggenschap', '=HYPERLINK("http://evil.example","click")']],
    ['a typed % is a percent sign, not a wildcard', `?q=${encodeURIComponent('%')}`, ['Kwartaalcijfers 100%']],
    ['a typed _ is an underscore', '?q=_', []],
    ['with the status filter', '?status=overdue&q=o', ['Overdue bod']],
    ['with the period', '?status=all&q=o&from=2026-08-01&to=2026-08-31', ['Overleg medezeggenschap']],
  ])('%s', async (_, query, expected) => {
    expect(titles(await calendar(world.secretary, query))).toEqual(expected);
  });

  it('never finds another institution\'s moments', async () => {
    const data = await calendar(world.secretary, '?status=all&q=corporatie');
    expect(data.page).toEqual({ rows: [], total: 0 });
    expect(Object.values(data.counts).every((n) => n === 0)).toBe(true);
  });

  it('combines with the responsible filter; the tiles count the matches', async () => {
    expect(titles(await calendar(world.manager, '?q=overleg&responsible=me'))).toEqual(['Overleg medezeggenschap']);
    expect(titles(await calendar(world.secretary, '?q=overleg&responsible=me'))).toEqual([]);
    const all = await calendar(world.secretary, '?status=all&q=e');
    expect(titles(all)).toEqual(['Rendered dialogue', 'Overdue bod', 'Due-soon jaarverslag', 'Kwartaalcijfers 100%', 'Overleg medezeggenschap', '=HYPERLINK("http://evil.example","click")']);
    expect(all.page!.total).toBe(6);
    expect(all.counts).toEqual({ planned: 3, 'due-soon': 1, overdue: 1, rendered: 0, 'rendered-late': 1, waived: 0 });
  });

  it('the id filters still work beside the search, each named as a chip', async () => {
    const data = await calendar(world.secretary, `?status=all&q=overleg&stakeholderId=${clientCouncil.id}&obligationId=${quarterly.id}`);
    expect(data.stakeholder.chosen).toEqual({ id: clientCouncil.id, label: 'Cliëntenraad' });
    expect(data.obligation.chosen).toEqual({ id: quarterly.id, label: 'Kwartaalcijfers 100%' });
    expect(data.page!.rows).toEqual([]);
    expect(titles(await calendar(world.secretary, `?status=all&obligationId=${quarterly.id}`))).toEqual(['Kwartaalcijfers 100%']);
  });

  it('a long list is not sent: beyond 50 the search is the way in', async () => {
    const many = [];
    for (let i = 0; i < 51; i++) many.push((await makeStakeholder(world.college, `Fonds ${String(i).padStart(2, '0')}`)).id);
    await makeObligation(world.college, { title: 'Subsidieverantwoording', responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2026-10-01', stakeholderIds: many }, '2026-01-01');
    const data = await calendar(world.secretary);
    expect(data.stakeholder).toEqual({ chosen: null, options: null });
    expect(data.obligation.options!.length).toBeLessThanOrEqual(50);
    // The search narrows the list back to a short one.
    const narrowed = await calendar(world.secretary, '?q=studentenraad');
    expect(labels(narrowed.stakeholder)).toEqual(['Studentenraad']);
    expect(titles(await calendar(world.secretary, '?q=fonds%2050'))).toEqual(['Subsidieverantwoording']);
  });

  it('the exports honour the search', async () => {
    const request = await signedInRequest(world.secretary, `/i/${world.college.id}/calendar.csv?status=all&q=${encodeURIComponent('cliënt')}`);
    const response = await responseOf(csvRoute.loader(routeArgs(request, { institutionId: String(world.college.id) })));
    const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Overleg medezeggenschap');
    expect(lines[1]).not.toContain('corporatie');
    const xlsx = await signedInRequest(world.secretary, `/i/${world.college.id}/calendar.xlsx?status=all&q=kwartaal`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await responseOf(xlsxRoute.loader(routeArgs(xlsx, { institutionId: String(world.college.id) })))).arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(2);
    expect(String(workbook.worksheets[0]!.getRow(2).getCell(3).value)).toBe('Kwartaalcijfers 100%');
  });

  it('pages the matches: the total counts every one, the second page has the rest', async () => {
    // Monthly from January through the end of next year: 24 moments each, 48 in all.
    for (const title of ['Maandstaat liquiditeit', 'Maandstaat personeel']) {
      await makeObligation(world.college, { title, responsibleUserId: world.secretary.id, recurrence: { kind: 'monthly', interval: 1, day: 5 }, leadTimeDays: 10, startsOn: '2026-01-05' }, '2026-01-01');
    }
    const first = await calendar(world.secretary, '?status=all&q=MAANDSTAAT&perPage=25');
    expect(first.page!.total).toBe(48);
    expect(first.page!.rows).toHaveLength(25);
    const second = await calendar(world.secretary, '?status=all&q=maandstaat&perPage=25&page=2');
    expect(second.page!.total).toBe(48);
    expect(second.page!.rows).toHaveLength(23);
    expect(new Set([...first.page!.rows, ...second.page!.rows].map((r) => r.id)).size).toBe(48);
  });
});
