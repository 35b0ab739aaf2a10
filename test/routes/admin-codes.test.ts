import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LibraryUploadFailure } from '~/modules/governance/upload.server';
import * as codeRoute from '~/routes/_app.admin.codes.$codeId';
import * as codesRoute from '~/routes/_app.admin.codes._index';
import { AuditEvent, CodePrinciple, CodeProvision, GovernanceCode } from '~/utils/db.server';
import { makeAdmin, makeInstitution, makeMember, type TestUser } from '../support/factories';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import { multipartRequest } from '../modules/obligations-fixtures';

/**
 * The admin's library upload in the browser: a multipart form with a JSON file, checked by the
 * same validation as `npm run codes:import` — every problem listed by path, nothing written.
 */

let admin: TestUser;
let manager: TestUser;

const shipped = (name: string) => readFile(path.resolve('seeds/governance-codes', name), 'utf8');
const jsonFile = (text: string, name = 'library.json') => new File([text], name, { type: 'application/json' });

async function upload(user: { id: number }, text: string, to = '/admin/codes', routeParams: Record<string, string> = {}) {
  const request = await multipartRequest(user, to, {}, { file: jsonFile(text) });
  const handler = to === '/admin/codes' ? codesRoute.action : codeRoute.action;
  return responseOf(handler(routeArgs(request, routeParams)));
}

async function counts() {
  return {
    codes: await GovernanceCode.count(),
    principles: await CodePrinciple.count(),
    provisions: await CodeProvision.count(),
    audit: await AuditEvent.count({ where: { entity: 'governance-code' } }),
  };
}

beforeAll(async () => {
  admin = await makeAdmin();
  manager = await makeMember(await makeInstitution(), 'manager');
});

describe('importing a library file by upload', () => {
  it('imports a valid file and goes to its page; the same file again changes nothing', async () => {
    const text = await shipped('zorg-2022.json');
    const response = await upload(admin, text);
    expect(response.status).toBe(302);
    const code = await GovernanceCode.findOne({ where: { key: 'zorg', version: '2022' } });
    expect(response.headers.get('Location')).toBe(`/admin/codes/${code!.id}`);
    const after = await counts();
    expect(after.provisions).toBeGreaterThan(0);
    expect(await AuditEvent.count({ where: { entity: 'governance-code', action: 'import', actorLabel: admin.email } })).toBe(1);

    const again = await upload(admin, text);
    expect(again.status).toBe(302);
    expect(await counts()).toEqual(after);
  });

  it('refuses a bad file with 400, every problem listed by path, and writes nothing', async () => {
    const library = JSON.parse(await shipped('mbo-2019.json'));
    library.validFrom = '2019-02-30';
    library.principles[1].regime = 'sometimes';
    library.principles[7].provisions[0].colour = 'blue';
    const before = await counts();
    const response = await upload(admin, JSON.stringify(library));
    expect(response.status).toBe(400);
    const body = await jsonOf<LibraryUploadFailure>(response);
    expect(body.formError).toBe('governance:import.invalid');
    expect(body.fileName).toBe('library.json');
    expect(body.problems.map((p) => p.path).sort()).toEqual(['principles[1].regime', 'principles[7].provisions[0].colour', 'validFrom']);
    expect(await counts()).toEqual(before);
  });

  it('refuses text that is not JSON, and a form without a file', async () => {
    const before = await counts();
    const notJson = await upload(admin, '{ "key": ');
    expect(notJson.status).toBe(400);
    expect((await jsonOf<LibraryUploadFailure>(notJson)).problems.map((p) => p.path)).toEqual(['(root)']);
    const request = await multipartRequest(admin, '/admin/codes', { other: 'x' });
    const noFile = await responseOf(codesRoute.action(routeArgs(request)));
    expect(noFile.status).toBe(400);
    expect((await jsonOf<LibraryUploadFailure>(noFile)).errors).toEqual({ file: 'governance:import.noFile' });
    expect(await counts()).toEqual(before);
  });

  it('"replace this version" takes only a file of that key and version', async () => {
    const code = (await GovernanceCode.findOne({ where: { key: 'zorg' } }))!;
    const routeParams = { codeId: String(code.id) };
    const other = await shipped('woningcorporaties-2020.json');
    const before = await counts();
    const refused = await upload(admin, other, `/admin/codes/${code.id}`, routeParams);
    expect(refused.status).toBe(400);
    expect((await jsonOf<LibraryUploadFailure>(refused)).problems.map((p) => p.path)).toEqual(['key']);
    expect(await counts()).toEqual(before);

    const library = JSON.parse(await shipped('zorg-2022.json'));
    library.title.en = 'Healthcare Governance Code 2022 (revised title)';
    const replaced = await upload(admin, JSON.stringify(library), `/admin/codes/${code.id}`, routeParams);
    expect(replaced.status).toBe(302);
    expect((await code.reload()).title.en).toContain('revised title');
  });

  it('is for administrators only: a manager gets 403 and nothing is written', async () => {
    const before = await counts();
    const response = await upload(manager, await shipped('woningcorporaties-2020.json'));
    expect(response.status).toBe(403);
    expect(await counts()).toEqual(before);
    const page = await responseOf(codesRoute.loader(routeArgs(await signedInRequest(manager, '/admin/codes'))));
    expect(page.status).toBe(403);
  });

  it('shows the library with principles, provisions and coverage', async () => {
    const page = await jsonOf<{ codes: { key: string; coverage: string; provisions: number }[] }>(
      await responseOf(codesRoute.loader(routeArgs(await signedInRequest(admin, '/admin/codes')))),
    );
    expect(page.codes.find((c) => c.key === 'zorg')).toMatchObject({ coverage: 'partial' });
  });
});
