import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { openYear, saveStatement } from '~/modules/governance/mutations.server';
import type { Chapter } from '~/modules/governance/report';
import type { StatementRow } from '~/modules/governance/views';
import * as codeRoute from '~/routes/_app.i.$institutionId.compliance.codes.$codeId';
import * as codesRoute from '~/routes/_app.i.$institutionId.compliance.codes._index';
import * as indexRoute from '~/routes/_app.i.$institutionId.compliance._index';
import * as chapterRoute from '~/routes/_app.i.$institutionId.compliance.$year.jaarverslag';
import * as chapterHtmlRoute from '~/routes/_app.i.$institutionId.compliance.$year.jaarverslag[.]html';
import * as csvRoute from '~/routes/_app.i.$institutionId.compliance.$year.overview[.]csv';
import * as xlsxRoute from '~/routes/_app.i.$institutionId.compliance.$year.overview[.]xlsx';
import * as statementRoute from '~/routes/_app.i.$institutionId.compliance.$year.statements.$statementId';
import * as yearRoute from '~/routes/_app.i.$institutionId.compliance.$year._index';
import { AuditEvent, ComplianceStatement, ComplianceYear, StatementEvidence } from '~/utils/db.server';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import { EXPLANATION, makeComplianceWorld, type ComplianceWorld } from '../modules/compliance-fixtures';
import { makeObligation } from '../modules/obligations-fixtures';
import { parseCsv } from '../support/csv';

/**
 * The compliance pages through their loaders and actions, with real requests: who may read and
 * change what, the lock, bad input that writes nothing, the jaarverslag chapter in both
 * languages, and downloads that hold the same rows as the page.
 */

type Handler = (args: ReturnType<typeof routeArgs>) => unknown;
const YEAR = 2025;
const DEVIATION = 'Wij wijken af: de raad van toezicht telt drie leden, omdat de stichting klein is. Vanaf 2027 komt er een vierde lid.';

let world: ComplianceWorld;
let statementId: number;
let foreignStatementId: number;

const college = (path = '') => `/i/${world.college.id}/compliance${path}`;
const params = (extra: Record<string, string> = {}) => ({ institutionId: String(world.college.id), ...extra });
const yearParams = (extra: Record<string, string> = {}) => params({ year: String(YEAR), ...extra });

async function call(handler: Handler, user: { id: number }, path: string, routeParams: Record<string, string>, options: Parameters<typeof signedInRequest>[2] = {}) {
  return responseOf(handler(routeArgs(await signedInRequest(user, path, options), routeParams)));
}

async function statementOn(number: string, institutionId = world.college.id, year = YEAR) {
  const where = number.includes('.') ? { provisionId: world.code.provisionIds[number] } : { principleId: world.code.principleIds[number] };
  return (await ComplianceStatement.findOne({ where: { institutionId, year, ...where } }))!;
}


beforeAll(async () => {
  world = await makeComplianceWorld();
  await openYear(SYSTEM_ACTOR, { institutionId: world.college.id, year: YEAR });
  await openYear(SYSTEM_ACTOR, { institutionId: world.corporation.id, year: YEAR });
  const s = await statementOn('1.1');
  statementId = s.id;
  foreignStatementId = (await statementOn('1.1', world.corporation.id)).id;
  const deviation = await statementOn('1.3');
  await saveStatement(SYSTEM_ACTOR, { institutionId: world.college.id, statementId: deviation.id, version: 0, status: 'explains', explanation: DEVIATION });
});

describe('another institution', () => {
  it('a secretary of the corporation gets 404 for every compliance page and download of the college', async () => {
    const cases: [string, Handler, Record<string, string>][] = [
      ['', indexRoute.loader as Handler, params()],
      ['/codes', codesRoute.loader as Handler, params()],
      [`/codes/${world.code.codeId}`, codeRoute.loader as Handler, params({ codeId: String(world.code.codeId) })],
      [`/${YEAR}`, yearRoute.loader as Handler, yearParams()],
      [`/${YEAR}/statements/${statementId}`, statementRoute.loader as Handler, yearParams({ statementId: String(statementId) })],
      [`/${YEAR}/jaarverslag`, chapterRoute.loader as Handler, yearParams()],
      [`/${YEAR}/jaarverslag.html`, chapterHtmlRoute.loader as Handler, yearParams()],
      [`/${YEAR}/overview.csv`, csvRoute.loader as Handler, yearParams()],
      [`/${YEAR}/overview.xlsx`, xlsxRoute.loader as Handler, yearParams()],
    ];
    for (const [path, handler, routeParams] of cases) {
      const response = await call(handler, world.otherSecretary, college(path), routeParams);
      expect(response.status, path).toBe(404);
    }
  });

  it('a statement is found only under its own institution and year', async () => {
    // The corporation's statement through the corporation's own URL, by its secretary: fine.
    const own = await call(statementRoute.loader as Handler, world.otherSecretary, `/i/${world.corporation.id}/compliance/${YEAR}/statements/${foreignStatementId}`,
      { institutionId: String(world.corporation.id), year: String(YEAR), statementId: String(foreignStatementId) });
    expect(own.status).toBe(200);
    // The college's manager asking for it through the college's URL, or under another year: 404.
    for (const [year, id] of [[String(YEAR), foreignStatementId], [String(YEAR - 1), statementId], ['20x5', statementId]] as const) {
      const response = await call(statementRoute.loader as Handler, world.manager, college(`/${year}/statements/${id}`), params({ year, statementId: String(id) }));
      expect(response.status, `${year}/${id}`).toBe(404);
      const write = await call(statementRoute.action as Handler, world.manager, college(`/${year}/statements/${id}`), params({ year, statementId: String(id) }),
        { form: { intent: 'save', status: 'complies', version: 0 } });
      expect(write.status, `save ${year}/${id}`).toBe(404);
    }
    expect((await ComplianceStatement.findByPk(foreignStatementId))!.status).toBe('not-assessed');
  });

  it('evidence of another institution is refused with 422, and nothing is linked', async () => {
    const theirs = await makeObligation(world.corporation, { responsibleUserId: world.otherSecretary.id }, '2026-01-01');
    const before = await StatementEvidence.count();
    const response = await call(statementRoute.action as Handler, world.secretary, college(`/${YEAR}/statements/${statementId}`), yearParams({ statementId: String(statementId) }),
      { form: { intent: 'add-evidence', kind: 'obligation', targetId: theirs.id } });
    expect(response.status).toBe(422);
    expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors).toEqual({ targetId: 'common:errors.invalidChoice' });
    expect(await StatementEvidence.count()).toBe(before);
  });
});

describe('links from elsewhere', () => {
  it('a moment\'s "provision" link opens that provision in the newest opened year', async () => {
    const provisionId = world.code.provisionIds['1.1']!;
    const response = await call(indexRoute.loader as Handler, world.secretary, college(`?provision=${provisionId}`), params());
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(college(`/${YEAR}?provision=${provisionId}`));
    const page = await jsonOf<{ rows: StatementRow[] }>(await call(yearRoute.loader as Handler, world.secretary, college(`/${YEAR}?provision=${provisionId}`), yearParams()));
    expect(page.rows.map((r) => r.target.number)).toEqual(['1.1']);
  });
});

describe('roles', () => {
  it('a supervisor reads every page and download, and every write answers 403', async () => {
    const reads: [string, Handler, Record<string, string>][] = [
      ['', indexRoute.loader as Handler, params()],
      [`/${YEAR}`, yearRoute.loader as Handler, yearParams()],
      [`/${YEAR}/statements/${statementId}`, statementRoute.loader as Handler, yearParams({ statementId: String(statementId) })],
      [`/${YEAR}/jaarverslag`, chapterRoute.loader as Handler, yearParams()],
      [`/${YEAR}/overview.csv`, csvRoute.loader as Handler, yearParams()],
    ];
    for (const [path, handler, routeParams] of reads) expect((await call(handler, world.supervisor, college(path), routeParams)).status, path).toBe(200);

    const writes: [string, Handler, Record<string, string>, Record<string, string | number>][] = [
      ['', indexRoute.action as Handler, params(), { intent: 'open-year', year: YEAR + 1, start: 'empty' }],
      ['', indexRoute.action as Handler, params(), { intent: 'adopt', codeId: world.code.codeId, adoptedFrom: '2026-01-01' }],
      [`/${YEAR}`, yearRoute.action as Handler, yearParams(), { intent: 'approve', version: 0 }],
      [`/${YEAR}/statements/${statementId}`, statementRoute.action as Handler, yearParams({ statementId: String(statementId) }), { intent: 'save', status: 'complies', version: 0 }],
      [`/${YEAR}/statements/${statementId}`, statementRoute.action as Handler, yearParams({ statementId: String(statementId) }), { intent: 'add-evidence', kind: 'obligation', targetId: 1 }],
    ];
    const before = await AuditEvent.count();
    for (const [path, handler, routeParams, form] of writes) {
      expect((await call(handler, world.supervisor, college(path), routeParams, { form })).status, `${form.intent} ${path}`).toBe(403);
    }
    expect(await AuditEvent.count()).toBe(before);
  });

  it('a secretary writes statements but may not adopt, approve or unlock (403)', async () => {
    const saved = await call(statementRoute.action as Handler, world.secretary, college(`/${YEAR}/statements/${statementId}`), yearParams({ statementId: String(statementId) }),
      { form: { intent: 'save', status: 'complies', version: 0 } });
    expect(saved.status).toBe(302);
    expect((await ComplianceStatement.findByPk(statementId))!.updatedByUserId).toBe(world.secretary.id);
    for (const [path, handler, routeParams, form] of [
      ['', indexRoute.action, params(), { intent: 'adopt', codeId: world.code.codeId, adoptedFrom: '2026-01-01' }],
      [`/${YEAR}`, yearRoute.action, yearParams(), { intent: 'approve', version: 0 }],
      [`/${YEAR}`, yearRoute.action, yearParams(), { intent: 'unlock', version: 0, reason: 'Because we want to' }],
    ] as [string, Handler, Record<string, string>, Record<string, string | number>][]) {
      expect((await call(handler, world.secretary, college(path), routeParams, { form })).status, String(form.intent)).toBe(403);
    }
  });
});

describe('bad input writes nothing', () => {
  const save = (form: Record<string, string | number>) =>
    call(statementRoute.action as Handler, world.secretary, college(`/${YEAR}/statements/${statementId}`), yearParams({ statementId: String(statementId) }), { form: { intent: 'save', ...form } });

  it('an unknown status: 400, the message at the field, the typed explanation back', async () => {
    const before = (await ComplianceStatement.findByPk(statementId))!.toJSON();
    const response = await save({ status: 'sometimes', explanation: 'Typed text stays', version: 1 });
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(body.errors.status).toBe('common:errors.invalidChoice');
    expect(body.values.explanation).toBe('Typed text stays');
    expect((await ComplianceStatement.findByPk(statementId))!.toJSON()).toEqual(before);
  });

  it('a deviation without an explanation: 422 at the field; a stale version: 409', async () => {
    const current = (await ComplianceStatement.findByPk(statementId))!;
    const missing = await save({ status: 'explains', explanation: '', version: current.version });
    expect(missing.status).toBe(422);
    expect((await jsonOf<{ errors: Record<string, string> }>(missing)).errors).toEqual({ explanation: 'compliance:statement.explanationRequired' });
    const stale = await save({ status: 'explains', explanation: EXPLANATION, version: current.version - 1 });
    expect(stale.status).toBe(409);
    expect((await ComplianceStatement.findByPk(statementId))!.toJSON()).toEqual(current.toJSON());
  });
});

describe('the manager\'s year: approve, the lock, unlock', () => {
  it('approving needs every statement assessed; then the year is locked (409) until unlocked with a reason', async () => {
    const year = (await ComplianceYear.findOne({ where: { institutionId: world.college.id, year: YEAR } }))!;
    const early = await call(yearRoute.action as Handler, world.manager, college(`/${YEAR}`), yearParams(), { form: { intent: 'approve', version: year.version } });
    expect(early.status).toBe(422);
    expect((await jsonOf<{ formError: string }>(early)).formError).toBe('compliance:year.incomplete');

    for (const [number, status] of [['1.2', 'complies'], ['2', 'not-applicable']] as const) {
      const s = await statementOn(number);
      const response = await call(statementRoute.action as Handler, world.manager, college(`/${YEAR}/statements/${s.id}`), yearParams({ statementId: String(s.id) }),
        { form: { intent: 'save', status, explanation: EXPLANATION, version: s.version } });
      expect(response.status, number).toBe(302);
    }
    const approved = await call(yearRoute.action as Handler, world.manager, college(`/${YEAR}`), yearParams(), { form: { intent: 'approve', version: year.version } });
    expect(approved.status).toBe(302);

    const s = (await ComplianceStatement.findByPk(statementId))!;
    const locked = await call(statementRoute.action as Handler, world.secretary, college(`/${YEAR}/statements/${statementId}`), yearParams({ statementId: String(statementId) }),
      { form: { intent: 'save', status: 'explains', explanation: EXPLANATION, version: s.version } });
    expect(locked.status).toBe(409);
    expect((await jsonOf<{ formError: string }>(locked)).formError).toBe('compliance:year.locked');
    const page = await jsonOf<{ editable: boolean; locked: boolean }>(await call(statementRoute.loader as Handler, world.manager, college(`/${YEAR}/statements/${statementId}`), yearParams({ statementId: String(statementId) })));
    expect([page.editable, page.locked]).toEqual([false, true]);

    const lockedYear = (await year.reload());
    const noReason = await call(yearRoute.action as Handler, world.manager, college(`/${YEAR}`), yearParams(), { form: { intent: 'unlock', version: lockedYear.version, reason: '' } });
    expect(noReason.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(noReason)).errors.reason).toBe('common:errors.required');
    expect((await lockedYear.reload()).approvedAt).not.toBeNull();

    const unlocked = await call(yearRoute.action as Handler, world.manager, college(`/${YEAR}`), yearParams(), { form: { intent: 'unlock', version: lockedYear.version, reason: 'The auditor found a typo' } });
    expect(unlocked.status).toBe(302);
    const event = await AuditEvent.findOne({ where: { entity: 'compliance-year', action: 'unlock', institutionId: world.college.id } });
    expect(event!.changes!.reason).toEqual([null, 'The auditor found a typo']);
    expect(event!.actorLabel).toBe(world.manager.email);
  });
});

describe('the jaarverslag chapter', () => {
  const chapter = async (lang: 'nl' | 'en') =>
    (await jsonOf<{ chapter: Chapter }>(await call(chapterRoute.loader as Handler, world.supervisor, college(`/${YEAR}/jaarverslag?lang=${lang}`), yearParams()))).chapter;
  const text = (c: Chapter) => JSON.stringify(c);

  it.each([
    ['nl', 'Verantwoording governancecode', 'Afwijkingen en uitleg', 'afwijking'],
    ['en', 'Governance code', 'Deviations and explanations', 'deviation'],
  ] as const)('in %s it lists the deviation with its explanation', async (lang, title, heading, status) => {
    const c = await chapter(lang);
    expect(c.title).toBe(title);
    expect(c.labels.deviations).toBe(heading);
    const deviation = c.sections[0]!.deviations.find((d) => d.heading.startsWith('1.3 '))!;
    expect(deviation.status).toBe(status);
    expect(deviation.explanation).toBe(DEVIATION);
    expect(text(c)).toContain(lang === 'nl' ? 'Provision 1.3 (nl)' : 'Provision 1.3');
  });

  it('downloads the same chapter as an HTML file, on the record', async () => {
    for (const lang of ['nl', 'en'] as const) {
      const response = await call(chapterHtmlRoute.loader as Handler, world.secretary, college(`/${YEAR}/jaarverslag.html?lang=${lang}`), yearParams());
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename=".+-nl\.html"$|^attachment; filename=".+-en\.html"$/);
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(DEVIATION.replace(/&/g, '&amp;'));
      expect(html).toContain(lang === 'nl' ? 'Afwijkingen en uitleg' : 'Deviations and explanations');
      expect(html).not.toContain('<script');
    }
    expect(await AuditEvent.count({ where: { entity: 'compliance-year', action: 'export', institutionId: world.college.id } })).toBeGreaterThanOrEqual(2);
  });

  it('a year never opened has no chapter and no downloads (404)', async () => {
    for (const handler of [chapterRoute.loader, chapterHtmlRoute.loader, csvRoute.loader, xlsxRoute.loader] as Handler[]) {
      expect((await call(handler, world.manager, college('/2030/jaarverslag'), params({ year: '2030' }))).status).toBe(404);
    }
  });
});

describe('the downloads hold the page\'s rows', () => {
  it.each(['', '?status=explains', '?flag=any', '?health=none&status=complies'])('CSV with %j equals the overview rows', async (query) => {
    const headers = { 'Accept-Language': 'en' };
    const page = await jsonOf<{ rows: StatementRow[] }>(await call(yearRoute.loader as Handler, world.manager, college(`/${YEAR}${query}`), yearParams(), { headers }));
    const response = await call(csvRoute.loader as Handler, world.manager, college(`/${YEAR}/overview.csv${query}`), yearParams(), { headers });
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header!.slice(2, 8)).toEqual(['No.', 'Provision', 'Regime', 'Status', 'Explanation', 'Evidence']);
    expect(rows.map((r) => [r[2], r[3], r[5], r[6], r[7]])).toEqual(page.rows.map((r) => [
      r.target.number, r.target.title.en,
      { complies: 'Complies', partially: 'Partially complies', explains: 'Deviates (explained)', 'not-applicable': 'Not applicable', 'not-assessed': 'Not assessed' }[r.status],
      r.explanation ?? '',
      { 'on-time': 'On time', late: 'Late', overdue: 'Overdue', none: 'No evidence' }[r.health],
    ]));
    if (query === '?status=explains') expect(rows.map((r) => r[2])).toEqual(['1.3']);
  });

  it('XLSX is an Excel workbook', async () => {
    const response = await call(xlsxRoute.loader as Handler, world.manager, college(`/${YEAR}/overview.xlsx`), yearParams());
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });
});
