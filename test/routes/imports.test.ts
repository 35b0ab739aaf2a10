import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Preview } from '~/modules/imports/preview';
import * as importsRoute from '~/routes/_app.i.$institutionId.imports._index';
import * as reportRoute from '~/routes/_app.i.$institutionId.imports.$importId';
import * as templateRoute from '~/routes/_app.i.$institutionId.imports.template[.]csv';
import { AuditEvent, Op, Organisation, Person, Position } from '~/utils/db.server';
import { makeCast, makeOrganisation, makePerson } from '../modules/stakeholders-fixtures';
import { BASE_URL, jsonOf, responseOf, routeArgs, sessionCookie, signedInRequest } from '../support/requests';

type Cast = Awaited<ReturnType<typeof makeCast>>;
type Handler = (args: ReturnType<typeof routeArgs>) => unknown;
type Answer = { preview?: Preview; text?: string; errors: Record<string, string>; formError?: string; line?: number };

let cast: Cast;
const params = () => ({ institutionId: String(cast.college.id) });
const path = (p = '') => `/i/${cast.college.id}/imports${p}`;

beforeAll(async () => {
  cast = await makeCast();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Step 1 as a browser sends it: multipart, with the file's bytes. */
async function upload(user: { id: number }, name: string, content: string | Uint8Array, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([content as BlobPart], name));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const request = new Request(new URL(path(), BASE_URL), { method: 'POST', body: form, headers: { Cookie: await sessionCookie(user) } });
  return responseOf((importsRoute.action as Handler)(routeArgs(request, params())));
}

async function previewOf(name: string, content: string | Uint8Array, fields: Record<string, string> = {}) {
  const response = await upload(cast.secretary, name, content, fields);
  expect(response.status).toBe(200);
  return jsonOf<Answer & { preview: Preview; text: string }>(response);
}

/** Step 2: the hidden fields of the preview and the choices made on it. */
async function commit(answer: { preview: Preview; text: string }, choices: Record<string, string> = {}, user: { id: number } = cast.secretary) {
  const { preview, text } = answer;
  const form = {
    filename: preview.filename, encoding: preview.encoding, source: preview.source, legalBasis: preview.legalBasis ?? '',
    fingerprint: preview.fingerprint, text, ...choices,
  };
  return responseOf((importsRoute.action as Handler)(routeArgs(await signedInRequest(user, path(), { form }), params())));
}

const BOM = '\uFEFF';
const counts = async () => ({
  persons: await Person.count(), organisations: await Organisation.count(), positions: await Position.count(), audit: await AuditEvent.count(),
});

describe('step 1: the preview', () => {
  it('reads a CSV with a byte-order mark, semicolons and Dutch headers, and writes nothing', async () => {
    const before = await counts();
    const csv = `${BOM}Organisatie;Soort organisatie;KvK-nummer;Voornaam;Achternaam;E-mail;Functie;In functie sinds;Postcode;Huisnummer\r\n`
      + 'Gemeente Zwolle;Gemeente;11223344;Kees;van der Meer;kees@zwolle.nl;Griffier;1-3-2024;8011 AB;5\r\n'
      + 'Huurdersvereniging Thuis;huurdersorganisatie;;;;;;;;\r\n';
    const answer = await previewOf('contacten.csv', csv);
    expect(answer.preview).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8', source: 'Import contacten.csv' });
    expect(answer.preview.columns.every((c) => c.key !== null)).toBe(true);
    expect(answer.preview.rows).toEqual([
      expect.objectContaining({
        row: 2, personName: 'Kees van der Meer', organisationName: 'Gemeente Zwolle', title: 'Griffier', errors: [],
        person: expect.objectContaining({ preset: 'create' }), organisation: expect.objectContaining({ preset: 'create', detail: 'KvK 11223344' }),
      }),
      expect.objectContaining({ row: 3, personName: null, organisationName: 'Huurdersvereniging Thuis', person: null, errors: [] }),
    ]);
    expect(answer.text.startsWith('Organisatie;')).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('reads a vCard file with two cards', async () => {
    const vcf = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Dijkstra;Fenna;;;', 'FN:Fenna Dijkstra', 'ORG:Provincie Overijssel', 'TITLE:Gedeputeerde',
      'EMAIL;TYPE=WORK:f.dijkstra@overijssel.nl', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Ruud Hoekstra', 'EMAIL;TYPE=home:ruud@example.nl', 'END:VCARD', '',
    ].join('\n');
    const answer = await previewOf('kaartjes.vcf', vcf);
    expect(answer.preview.format).toBe('vcard');
    expect(answer.preview.rows.map((r) => [r.row, r.personName, r.organisationName, r.title, r.errors])).toEqual([
      [1, 'Fenna Dijkstra', 'Provincie Overijssel', 'Gedeputeerde', []],
      [2, 'Ruud Hoekstra', null, null, []],
    ]);
  });

  it('lists each row’s problems by row number and column, and writes nothing', async () => {
    const before = await counts();
    const csv = 'family_name,email,postcode,house_number,organisation,title\n'
      + 'Goed,goed@example.nl,,,,\n'
      + ',zonder-naam@example.nl,,,,\n'
      + 'Fout,geen-email,1234,7,,\n'
      + '=cmd|calc,,,,Bedrijf BV,Adviseur\n';
    const answer = await previewOf('fouten.csv', csv);
    expect(answer.preview.rows.map((r) => [r.row, r.errors])).toEqual([
      [2, []],
      [3, [{ field: 'familyName', message: 'common:errors.required' }]],
      [4, expect.arrayContaining([{ field: 'email', message: 'common:errors.invalidEmail' }, { field: 'postcode', message: 'parties:errors.postcode' }])],
      [5, [{ field: 'familyName', message: 'imports:errors.formula' }]],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('finds duplicates against the register and within the file, and asks where the rules are unsure', async () => {
    const existing = await makePerson(cast.college, { givenName: 'Lieke', familyName: 'Vos', email: 'lieke.vos@example.nl' });
    const guess = await makePerson(cast.college, { givenName: 'Bram', familyName: 'Kok' });
    const organisation = await makeOrganisation(cast.college, { name: 'Stichting Welzijn Oost', kind: 'association', kvkNumber: '55667788' });
    // The same email in another institution is another controller's record: never a match here.
    await makePerson(cast.corporation, { givenName: 'Sander', familyName: 'Ploeg', email: 'sander@example.nl' });
    const csv = 'given_name;family_name;email;organisation;kvk_number;title\n'
      + 'L.;Vos;LIEKE.VOS@example.nl;;;\n'
      + 'B.;Kok;;;;\n'
      + 'Nina;Smit;nina@example.nl;Welzijn Oost;55667788;Coördinator\n'
      + 'Nina;Smit;nina@example.nl;Stichting Welzijn Oost;;Coördinator\n'
      + 'Sander;Ploeg;sander@example.nl;;;\n';
    const { preview } = await previewOf('dubbel.csv', csv);
    const [vos, kok, smit, smitAgain, ploeg] = preview.rows;
    expect(vos!.person).toMatchObject({ preset: `existing:${existing.id}` });
    expect(vos!.person!.choices).toContainEqual(expect.objectContaining({ value: `existing:${existing.id}`, reasons: ['name', 'email'] }));
    expect(kok!.person).toMatchObject({ preset: '' });
    expect(kok!.person!.choices.map((c) => c.value)).toEqual(['create', `existing:${guess.id}`, 'skip']);
    // The KvK number is taken: the organisation can only be linked or skipped.
    expect(smit!.organisation).toMatchObject({ preset: `existing:${organisation.id}` });
    expect(smit!.organisation!.choices.map((c) => c.value)).toEqual([`existing:${organisation.id}`, 'skip']);
    expect(smitAgain!.person).toMatchObject({ preset: 'row:4' });
    expect(smitAgain!.organisation!.choices.map((c) => c.value)).toEqual(expect.arrayContaining(['row:4', `existing:${organisation.id}`]));
    expect(ploeg!.person).toMatchObject({ preset: 'create', choices: [{ value: 'create' }, { value: 'skip' }] });
  });

  it('refuses a file over the size limit with a message saying so', async () => {
    const big = `family_name\n${'Jansen\n'.repeat(150_000)}`;
    const response = await upload(cast.secretary, 'groot.csv', big);
    expect(response.status).toBe(400);
    expect((await jsonOf<Answer>(response)).errors).toEqual({ file: 'imports:errors.tooLarge' });
  });

  it.each([
    ['leeg.csv', '', 'imports:errors.noFile'],
    ['onbekend.csv', 'naam,telefoonnummer\nX,0612345678\n', 'imports:errors.noKnownColumns'],
    ['kapot.csv', 'family_name,city\n"Jansen,Utrecht\n', 'imports:errors.unterminatedQuote'],
    ['sheet.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'imports:errors.notText'],
  ])('refuses %s as a whole (400)', async (name, content, problem) => {
    const response = await upload(cast.secretary, name, content);
    expect(response.status).toBe(400);
    expect((await jsonOf<Answer>(response)).errors.file).toBe(problem);
  });
});

describe('step 2: the import', () => {
  it('creates exactly the chosen rows, each audited, with one event for the import', async () => {
    const existing = await makeOrganisation(cast.college, { name: 'Gemeente Kampen', kind: 'municipality', kvkNumber: '99887766' });
    const csv = 'organisatie;kvk_nummer;voornaam;achternaam;email;functie\n'
      + 'Gemeente Kampen;99887766;Joost;Visser;joost@kampen.nl;Wethouder\n'
      + 'Ondernemersvereniging Kampen;;Mira;Bos;mira@ovk.nl;Voorzitter\n'
      + ';;Hidde;Mulder;hidde@example.nl;\n'
      + 'Ondernemersvereniging Kampen;;Tom;Kuiper;;Secretaris\n'
      + ';;Fout;;;\n';
    const answer = await previewOf('kampen.csv', csv, { legalBasis: 'legitimate-interests' });
    const lastEventId = (await AuditEvent.max<number, AuditEvent>('id')) ?? 0;
    const response = await commit(answer, { 'person-4': 'skip' });
    expect(response.status).toBe(302);
    const importId = response.headers.get('Location')!.split('/').pop()!;
    expect(response.headers.get('Location')).toBe(path(`/${importId}`));

    const persons = await Person.findAll({ where: { institutionId: cast.college.id, familyName: ['Visser', 'Bos', 'Mulder', 'Kuiper'] }, order: [['id', 'ASC']] });
    expect(persons.map((p) => [p.familyName, p.source, p.legalBasis])).toEqual([
      ['Visser', 'Import kampen.csv', 'legitimate-interests'], ['Bos', 'Import kampen.csv', 'legitimate-interests'],
      ['Kuiper', 'Import kampen.csv', 'legitimate-interests'],
    ]);
    const created = await Organisation.findAll({ where: { institutionId: cast.college.id, name: 'Ondernemersvereniging Kampen' } });
    expect(created).toHaveLength(1);
    const positions = await Position.findAll({ where: { personId: persons.map((p) => p.id) }, order: [['id', 'ASC']] });
    expect(positions.map((p) => [p.title, p.organisationId])).toEqual([
      ['Wethouder', existing.id], ['Voorzitter', created[0]!.id], ['Secretaris', created[0]!.id],
    ]);

    const fresh = await AuditEvent.findAll({ where: { id: { [Op.gt]: lastEventId } }, order: [['id', 'ASC']] });
    expect(fresh.every((e) => e.institutionId === cast.college.id)).toBe(true);
    expect(fresh.map((e) => `${e.entity}:${e.action}`).sort()).toEqual([
      'import:import', 'organisation:create', 'person:create', 'person:create', 'person:create', 'position:create', 'position:create', 'position:create',
    ]);
    const importEvent = fresh.find((e) => e.entity === 'import')!;
    expect(importEvent.entityId).toBe(importId);
    expect(importEvent.changes).toMatchObject({
      records: [null, 5], persons: [null, persons.map((p) => p.id)], organisations: [null, [created[0]!.id]],
      linkedOrganisations: [null, [existing.id]], positions: [null, positions.map((p) => p.id)],
      skipped: [null, [{ row: 4, errors: [] }, { row: 6, errors: [{ field: 'familyName', message: 'common:errors.required' }] }]],
    });

    const report = await responseOf((reportRoute.loader as Handler)(routeArgs(await signedInRequest(cast.manager, path(`/${importId}`)), { ...params(), importId })));
    expect(report.status).toBe(200);
    const body = await jsonOf<{ report: { persons: { name: string }[]; skipped: unknown[] } }>(report);
    expect(body.report.persons.map((p) => p.name)).toEqual(['Joost Visser', 'Mira Bos', 'Tom Kuiper']);
    expect(body.report.skipped).toHaveLength(2);
  });

  it('links to existing records, adds a known position only once, and reads the same file twice without duplicates', async () => {
    const csv = 'organisation,family_name,given_name,email,title\nWaterschap Drents Overijsselse Delta,Hofman,Eva,eva@wdodelta.nl,Dijkgraaf\n';
    const first = await commit(await previewOf('waterschap.csv', csv));
    expect(first.status).toBe(302);
    const before = await counts();
    const again = await previewOf('waterschap.csv', csv);
    expect(again.preview.rows[0]!.person!.preset).toMatch(/^existing:/);
    expect(again.preview.rows[0]!.organisation!.preset).toMatch(/^existing:/);
    const second = await commit(again);
    expect(second.status).toBe(302);
    const after = await counts();
    expect({ ...after, audit: after.audit - before.audit }).toEqual({ ...before, audit: 1 });
    const event = await AuditEvent.findOne({ where: { entity: 'import', entityId: second.headers.get('Location')!.split('/').pop()! } });
    expect(event!.changes).toMatchObject({ positionsKnown: [null, [expect.any(Number)]], positions: [null, []] });
  });

  it('refuses undecided and impossible choices beside their rows, and writes nothing', async () => {
    await makePerson(cast.college, { givenName: 'Daan', familyName: 'Peters' });
    const csv = 'family_name,initials,email\nPeters,D.,\nNieuw,A.,a.nieuw@example.nl\nNieuw,A.,a.nieuw@example.nl\n';
    const answer = await previewOf('keuzes.csv', csv);
    const before = await counts();
    const response = await commit(answer, { 'person-3': 'skip', 'person-4': 'row:3' });
    expect(response.status).toBe(422);
    const body = await jsonOf<Answer>(response);
    expect(body.errors).toEqual({ 'person-2': 'imports:errors.chooseMatch', 'person-4': 'imports:errors.sameAsSkipped' });
    expect(body.formError).toBe('imports:errors.choices');
    expect(body.preview!.rows).toHaveLength(3);
    expect(await counts()).toEqual(before);
  });

  it('asks again when the register changed since the preview (409), writing nothing', async () => {
    const answer = await previewOf('later.csv', 'family_name,given_name,email\nBrouwer,Sem,sem@example.nl\n');
    await makePerson(cast.college, { givenName: 'Sem', familyName: 'Brouwer', email: 'sem@example.nl' });
    const before = await counts();
    const response = await commit(answer);
    expect(response.status).toBe(409);
    const body = await jsonOf<Answer>(response);
    expect(body.formError).toBe('imports:errors.changed');
    expect(body.preview!.rows[0]!.person!.preset).toMatch(/^existing:/);
    expect(await counts()).toEqual(before);
  });

  it('leaves nothing behind when a write fails half-way', async () => {
    const answer = await previewOf('halverwege.csv', 'organisation;family_name;title\nMuseum Het Hof;Prins;Directeur\nBibliotheek Aa;Wolters;Lezer\n');
    const before = await counts();
    const create = Position.create.bind(Position);
    let calls = 0;
    vi.spyOn(Position, 'create').mockImplementation(((...args: Parameters<typeof Position.create>) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('disk full'));
      return create(...args);
    }) as typeof Position.create);
    await expect(commit(answer)).rejects.toThrow('disk full');
    expect(calls).toBe(2);
    expect(await counts()).toEqual(before);
    expect(await Organisation.count({ where: { name: 'Museum Het Hof' } })).toBe(0);
  });

  it('refuses a tampered preview: the file is read again and the choices checked against it', async () => {
    const answer = await previewOf('echt.csv', 'family_name\nEcht\n');
    const before = await counts();
    const response = await commit({ ...answer, text: 'family_name\nVervalst\n' }, {});
    expect(response.status).toBe(409);
    expect(await counts()).toEqual(before);
  });
});

describe('a messy file', () => {
  it('imports the good rows of a Windows-1252 file with short rows, duplicates and formulas, and reports the rest by row and reason', async () => {
    const bytes = new Uint8Array(await readFile(new URL('../fixtures/imports/messy-contacts.csv', import.meta.url)));
    const answer = await previewOf('messy-contacts.csv', bytes);
    expect(answer.preview).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    // Line 11 is empty (`;;;;;;;`): not a record at all.
    expect(answer.preview.rows.map((r) => [r.row, r.errors.map((e) => `${e.field}: ${e.message}`)])).toEqual([
      [2, []],
      [3, ['email: common:errors.invalidEmail']],
      [4, ['title: common:errors.required']],
      [5, []],
      [6, []],
      [7, ['organisation: imports:errors.formula']],
      [8, expect.arrayContaining(['familyName: imports:errors.formula'])],
      [9, ['postcode: parties:errors.postcode']],
      [10, []],
      [12, ['organisation: imports:errors.formula']],
    ]);
    expect(answer.preview.rows.find((r) => r.row === 6)!.person!.preset).toBe('row:5');
    expect(answer.preview.rows.find((r) => r.row === 10)!.organisation!.preset).toBe('row:2');

    const before = await counts();
    const response = await commit(answer);
    expect(response.status).toBe(302);
    const after = await counts();
    // Siebe, Piet (once) and Anke; one municipality; two positions. Nothing of a skipped row.
    expect({ persons: after.persons - before.persons, organisations: after.organisations - before.organisations, positions: after.positions - before.positions })
      .toEqual({ persons: 3, organisations: 1, positions: 2 });
    const municipality = await Organisation.findOne({ where: { institutionId: cast.college.id, kvkNumber: '12121212' } });
    expect(municipality!.name).toBe('Gemeente Súdwest-Fryslân');
    for (const name of ['Zorggroep Café', 'Stichting IJsselstroom']) expect(await Organisation.count({ where: { name } })).toBe(0);
    for (const familyName of ['Müller', 'Bakker', 'Smit', 'Kwaad', 'Nul']) {
      expect(await Person.count({ where: { institutionId: cast.college.id, familyName } })).toBe(0);
    }
    expect(await Person.count({ where: { institutionId: cast.college.id, familyName: 'Janssen' } })).toBe(1);

    const importId = response.headers.get('Location')!.split('/').pop()!;
    const report = await responseOf((reportRoute.loader as Handler)(routeArgs(await signedInRequest(cast.secretary, path(`/${importId}`)), { ...params(), importId })));
    const body = await jsonOf<{ report: { skipped: { row: number; errors: { field: string; message: string }[] }[] } }>(report);
    expect(body.report.skipped.map((s) => [s.row, s.errors[0]!.field])).toEqual([
      [3, 'email'], [4, 'title'], [7, 'organisation'], [8, 'familyName'], [9, 'postcode'], [12, 'organisation'],
    ]);
  });
});

describe('column mapping', () => {
  /** A plain post of the preview form: the file in hidden fields, the columns as mapped, and the intent. */
  async function submit(answer: { preview: Preview; text: string }, fields: Record<string, string>) {
    const { preview, text } = answer;
    const form = { filename: preview.filename, encoding: preview.encoding, source: preview.source, legalBasis: preview.legalBasis ?? '', fingerprint: preview.fingerprint, text, ...fields };
    return responseOf((importsRoute.action as Handler)(routeArgs(await signedInRequest(cast.secretary, path(), { form }), params())));
  }

  it('offers a field for each unrecognised column and imports the file as the user mapped it', async () => {
    const csv = 'Achternaam,Voornaam,Werkgever,Rol,Werkmail,Opmerking\n'
      + 'Veenstra,Iris,Kunstencentrum Zicht,Programmeur,iris@zicht.example,ontmoet op de beurs\n'
      + 'Wouters,Jelle,Kunstencentrum Zicht,Conciërge,,\n';
    const first = await previewOf('eigen-kolommen.csv', csv);
    expect(first.preview.columns.filter((c) => c.mappable)).toEqual([
      { index: 2, header: 'Werkgever', key: null, mappable: true, samples: ['Kunstencentrum Zicht', 'Kunstencentrum Zicht'] },
      { index: 3, header: 'Rol', key: null, mappable: true, samples: ['Programmeur', 'Conciërge'] },
      { index: 4, header: 'Werkmail', key: null, mappable: true, samples: ['iris@zicht.example'] },
      { index: 5, header: 'Opmerking', key: null, mappable: true, samples: ['ontmoet op de beurs'] },
    ]);
    expect(first.preview.rows[0]).toMatchObject({ personName: 'Iris Veenstra', organisationName: null });

    // A field taken by a recognised column cannot be chosen again: said beside the choice.
    const twice = await submit(first, { intent: 'map', 'map-2': 'organisation', 'map-3': 'familyName' });
    expect(twice.status).toBe(400);
    expect((await jsonOf<Answer>(twice)).errors).toEqual({ 'map-3': 'imports:errors.mappedTwice' });

    const before = await counts();
    const mapped = await submit(first, { intent: 'map', 'map-2': 'organisation', 'map-3': 'title', 'map-4': 'businessEmail', 'map-5': 'ignore' });
    expect(mapped.status).toBe(200);
    const second = await jsonOf<Answer & { preview: Preview; text: string }>(mapped);
    expect(second.preview.mapping).toEqual({ 2: 'organisation', 3: 'title', 4: 'businessEmail', 5: 'ignore' });
    expect(second.preview.rows.map((r) => [r.personName, r.organisationName, r.title])).toEqual([
      ['Iris Veenstra', 'Kunstencentrum Zicht', 'Programmeur'], ['Jelle Wouters', 'Kunstencentrum Zicht', 'Conciërge'],
    ]);
    expect(await counts()).toEqual(before);

    // The mapping travels with the import: changed since the preview, the file is previewed again.
    const changed = await submit(second, { 'map-2': 'organisation', 'map-3': 'ignore', 'map-4': 'businessEmail', 'map-5': 'ignore' });
    expect(changed.status).toBe(409);
    expect(await counts()).toEqual(before);

    const imported = await submit(second, { 'map-2': 'organisation', 'map-3': 'title', 'map-4': 'businessEmail', 'map-5': 'ignore' });
    expect(imported.status).toBe(302);
    const organisation = await Organisation.findOne({ where: { institutionId: cast.college.id, name: 'Kunstencentrum Zicht' } });
    const positions = await Position.findAll({ where: { organisationId: organisation!.id }, order: [['id', 'ASC']] });
    expect(positions.map((p) => [p.title, p.businessEmail])).toEqual([['Programmeur', 'iris@zicht.example'], ['Conciërge', null]]);
  });

  it('asks for a mapping, and imports nothing, while no column names a person or an organisation', async () => {
    const response = await upload(cast.secretary, 'namen.csv', 'Naam;Mail\nDekker;d@example.nl\n');
    expect(response.status).toBe(400);
    const answer = await jsonOf<Answer & { preview: Preview; text: string }>(response);
    expect(answer.preview).toMatchObject({ problem: 'imports:errors.noKnownColumns', rows: [] });
    expect(answer.preview.columns.map((c) => [c.header, c.mappable])).toEqual([['Naam', true], ['Mail', true]]);
    const mapped = await submit(answer, { intent: 'map', 'map-0': 'familyName', 'map-1': 'email' });
    expect(mapped.status).toBe(200);
    expect((await jsonOf<Answer & { preview: Preview }>(mapped)).preview.rows).toEqual([expect.objectContaining({ personName: 'Dekker', errors: [] })]);
  });
});

describe('upsert on natural keys', () => {
  it('fills the empty fields of a record matched on KvK number or email, keeps what it has, and says so first', async () => {
    const organisation = await makeOrganisation(cast.college, { name: 'Stichting Vaart', kind: 'association', kvkNumber: '12344321', email: 'info@vaart.nl' });
    const person = await makePerson(cast.college, { givenName: 'Piet', familyName: 'Smit', email: 'piet@vaart.nl', source: 'Handmatig' });
    // Matched on name only: used as chosen, but never completed from the file.
    const namesake = await makePerson(cast.college, { givenName: 'Bram', familyName: 'Kokkel' });
    const csv = 'organisation;kvk_number;organisation_email;website;organisation_postcode;organisation_house_number;organisation_city;'
      + 'given_name;family_name;email;phone;postcode;house_number;city;title\n'
      + 'Stichting Vaart;12344321;anders@vaart.nl;www.vaart.nl;8000 AA;1;Zwolle;Pieter;Smit;piet@vaart.nl;06 1111 2222;1234 AB;5;Kampen;Penningmeester\n'
      + ';;;;;;;Bram;Kokkel;;06 3333 4444;;;;\n';
    const answer = await previewOf('aanvullen.csv', csv, { legalBasis: 'public-task' });
    const [first, second] = answer.preview.rows;
    const existing = (party: Preview['rows'][number]['person'], id: number) => party!.choices.find((c) => c.value === `existing:${id}`);
    expect(first!.organisation!.preset).toBe(`existing:${organisation.id}`);
    expect(existing(first!.organisation, organisation.id)).toMatchObject({
      fills: ['website', 'organisationHouseNumber', 'organisationPostcode', 'organisationCity'],
    });
    expect(first!.person!.preset).toBe(`existing:${person.id}`);
    expect(existing(first!.person, person.id)).toMatchObject({ fills: ['phone', 'houseNumber', 'postcode', 'city'] });
    expect(existing(second!.person, namesake.id)).not.toHaveProperty('fills');

    const lastEventId = (await AuditEvent.max<number, AuditEvent>('id')) ?? 0;
    const response = await commit(answer, { 'person-3': `existing:${namesake.id}` });
    expect(response.status).toBe(302);

    const o = (await Organisation.findByPk(organisation.id))!;
    expect({ email: o.email, website: o.website, postcode: o.postcode, houseNumber: o.houseNumber, city: o.city, name: o.name })
      .toEqual({ email: 'info@vaart.nl', website: 'https://www.vaart.nl', postcode: '8000 AA', houseNumber: '1', city: 'Zwolle', name: 'Stichting Vaart' });
    const p = (await Person.findByPk(person.id))!;
    expect({ givenName: p.givenName, phone: p.phone, source: p.source, legalBasis: p.legalBasis, postcode: p.postcode, city: p.city })
      .toEqual({ givenName: 'Piet', phone: '06 1111 2222', source: 'Handmatig', legalBasis: null, postcode: '1234 AB', city: 'Kampen' });
    expect((await Person.findByPk(namesake.id))!.phone).toBeNull();

    // Each completion is the register's own update event, in the import's transaction.
    const fresh = await AuditEvent.findAll({ where: { id: { [Op.gt]: lastEventId } }, order: [['id', 'ASC']] });
    const updates = fresh.filter((e) => e.action === 'update');
    expect(updates.map((e) => [e.entity, e.entityId])).toEqual([['organisation', String(organisation.id)], ['person', String(person.id)]]);
    expect(Object.keys(updates[1]!.changes!).sort()).toEqual(['city', 'houseNumber', 'phone', 'postcode']);
    expect(updates[1]!.changes).toMatchObject({ phone: [null, '06 1111 2222'] });
    expect(fresh.find((e) => e.entity === 'import')!.changes).toMatchObject({
      filled: [null, [
        { kind: 'organisation', id: organisation.id, columns: expect.arrayContaining(['website']) },
        { kind: 'person', id: person.id, columns: expect.arrayContaining(['phone']) },
      ]],
    });
  });
});

describe('who may import', () => {
  it('a supervisor gets 403, a member of another institution 404; a manager may import', async () => {
    const csv = 'family_name\nToezicht\n';
    expect((await upload(cast.supervisor, 'a.csv', csv)).status).toBe(403);
    expect((await upload(cast.otherSecretary, 'a.csv', csv)).status).toBe(404);
    const page = (user: { id: number }) => signedInRequest(user, path()).then((r) => responseOf((importsRoute.loader as Handler)(routeArgs(r, params()))));
    expect((await page(cast.supervisor)).status).toBe(403);
    expect((await page(cast.otherSecretary)).status).toBe(404);
    expect((await page(cast.manager)).status).toBe(200);
    const managerPreview = await jsonOf<Answer & { preview: Preview; text: string }>(await upload(cast.manager, 'a.csv', csv));
    expect((await commit(managerPreview, {}, cast.supervisor)).status).toBe(403);
    expect(await Person.count({ where: { familyName: 'Toezicht' } })).toBe(0);
    expect((await commit(managerPreview, {}, cast.manager)).status).toBe(302);
  });

  it('an import report of another institution is 404', async () => {
    const response = await commit(await previewOf('eigen.csv', 'family_name\nEigen\n'));
    const importId = response.headers.get('Location')!.split('/').pop()!;
    const request = await signedInRequest(cast.otherSecretary, `/i/${cast.corporation.id}/imports/${importId}`);
    expect((await responseOf((reportRoute.loader as Handler)(routeArgs(request, { institutionId: String(cast.corporation.id), importId })))).status).toBe(404);
  });

  it('the template downloads with Dutch headers and semicolons, and reads back as an empty file', async () => {
    const request = await signedInRequest(cast.secretary, path('/template.csv?headers=nl'));
    const response = await responseOf((templateRoute.loader as Handler)(routeArgs(request, params())));
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toMatch(/^organisatie;soort_organisatie;kvk_nummer;/);
    const refused = await upload(cast.secretary, 'sjabloon.csv', bytes);
    expect((await jsonOf<Answer>(refused)).errors.file).toBe('imports:errors.empty');
    const filled = await previewOf('sjabloon.csv', `\uFEFF${text}Gemeente Ede;gemeente;;;;;;;;;Ilse;;;Kramer;;;;;;;;;Burgemeester;;;;\r\n`);
    expect(filled.preview.rows[0]).toMatchObject({ personName: 'Ilse Kramer', organisationName: 'Gemeente Ede', title: 'Burgemeester', errors: [] });
  });
});
