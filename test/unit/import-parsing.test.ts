import { describe, expect, it } from 'vitest';
import { columnFor } from '~/modules/imports/columns';
import {
  choicesFor, dayFromCell, fillsFor, matchWithinFile, planImport, readRecord, splitTussenvoegsel, type ImportRow,
} from '~/modules/imports/rules';
import type { MatchReason } from '~/modules/parties/rules';
import { decodeText, parseCsv } from '~/modules/imports/text';
import { parseVCards, splitStreet } from '~/modules/imports/vcard';

const defaults = { source: 'Import test.csv' };

describe('reading the bytes of an upload', () => {
  it('drops a UTF-8 byte-order mark and reads accents', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('achternaam\nMüller')]);
    expect(decodeText(bytes)).toEqual({ text: 'achternaam\nMüller', encoding: 'utf-8' });
  });

  it('reads UTF-16 with its byte-order mark (Excel’s “Unicode text”)', () => {
    const text = 'achternaam\nZoë';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (Excel on a Dutch Windows)', () => {
    expect(decodeText(new Uint8Array([0x43, 0x6c, 0xe9, 0x6d, 0x65, 0x6e, 0x74]))).toEqual({ text: 'Clément', encoding: 'windows-1252' });
  });

  it('refuses a file that is not text, such as an .xlsx (a zip)', () => {
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toBeNull();
  });
});

describe('CSV', () => {
  it('detects semicolons and keeps quoted delimiters, doubled quotes and line breaks in a cell', () => {
    const csv = 'achternaam;organisatie\r\n"Berg";"Stichting ""De Brug""; afdeling\r\nZuid"\r\nJansen;Gemeente Utrecht\r\n';
    const { delimiter, records, unterminatedAt } = parseCsv(csv);
    expect(delimiter).toBe(';');
    expect(unterminatedAt).toBeNull();
    expect(records).toEqual([
      { line: 1, cells: ['achternaam', 'organisatie'] },
      { line: 2, cells: ['Berg', 'Stichting "De Brug"; afdeling\r\nZuid'] },
      { line: 4, cells: ['Jansen', 'Gemeente Utrecht'] },
    ]);
  });

  it('honours Excel’s sep= line and counts lines after it', () => {
    const { delimiter, records } = parseCsv('sep=,\nfamily_name,city\nBakker,"Zwolle; centrum"\n');
    expect(delimiter).toBe(',');
    expect(records).toEqual([{ line: 2, cells: ['family_name', 'city'] }, { line: 3, cells: ['Bakker', 'Zwolle; centrum'] }]);
  });

  it('reports a quote that is never closed, with the line it opened on', () => {
    expect(parseCsv('a,b\n1,2\n3,"four\n5,6\n').unterminatedAt).toBe(3);
  });

  it.each([
    ['Achternaam', 'familyName'], ['KvK-nummer', 'kvkNumber'], ['E-mail Address', 'email'], ['Job Title', 'title'],
    ['in functie sinds', 'startsOn'], ['Organisatie', 'organisation'], ['Company', 'organisation'], ['Zakelijk e-mailadres', 'businessEmail'],
    ['Notes', null],
  ])('header %j is column %j', (header, key) => {
    expect(columnFor(header)).toBe(key);
  });
});

describe('vCard', () => {
  const file = [
    'BEGIN:VCARD', 'VERSION:3.0', 'N:Berg;Anna;;van den;', 'FN:Anna van den Berg', 'ORG:Gemeente Utrecht;Afdeling Onderwijs',
    'TITLE:Wethouder onderwijs\\, jeugd', 'EMAIL;TYPE=INTERNET,WORK:a.vandenberg@utrecht.nl', 'EMAIL;TYPE=HOME:anna@example.nl',
    'TEL;TYPE=WORK,VOICE:030 286 0000', 'item1.ADR;TYPE=WORK:;;Stadsplateau 1;Utrecht;;3521 AZ;Nederland', 'END:VCARD',
    '',
    'BEGIN:VCARD', 'VERSION:4.0', 'FN:Pieter de Vries', 'N:de Vries;Pieter;;;', 'EMAIL:pieter@devries.nl',
    'TEL;VALUE=uri;TYPE="cell":tel:+31-6-1234-5678', 'ADR;TYPE=home:;;Lange Nieuwstraat 12 a;Amers', ' foort;;3811 AB;', 'END:VCARD',
  ].join('\r\n');

  it('reads two cards: the business card into organisation, person and position, the private one into a person', () => {
    const cards = parseVCards(file);
    expect(cards).toHaveLength(2);
    expect(cards[0]).toEqual({
      line: 1, unsupported: null,
      values: {
        organisation: 'Gemeente Utrecht', familyName: 'Berg', givenName: 'Anna', tussenvoegsel: 'van den', title: 'Wethouder onderwijs, jeugd',
        businessEmail: 'a.vandenberg@utrecht.nl', email: 'anna@example.nl', businessPhone: '030 286 0000',
        organisationStreet: 'Stadsplateau', organisationHouseNumber: '1', organisationPostcode: '3521 AZ', organisationCity: 'Utrecht',
      },
    });
    expect(cards[1]!.values).toEqual({
      familyName: 'de Vries', givenName: 'Pieter', email: 'pieter@devries.nl', phone: '+31-6-1234-5678',
      street: 'Lange Nieuwstraat', houseNumber: '12 a', postcode: '3811 AB', city: 'Amersfoort',
    });
  });

  it('turns each card into a valid import row', () => {
    const rows = parseVCards(file).map((card, i) => readRecord(i + 1, card.values, defaults)!);
    expect(rows.map((r) => r.errors)).toEqual([[], []]);
    expect(rows[0]).toMatchObject({
      person: { givenName: 'Anna', tussenvoegsel: 'van den', familyName: 'Berg', email: 'anna@example.nl', source: 'Import test.csv' },
      organisation: { name: 'Gemeente Utrecht', kind: 'other', postcode: '3521 AZ', houseNumber: '1' },
      position: { title: 'Wethouder onderwijs, jeugd', businessEmail: 'a.vandenberg@utrecht.nl' },
    });
    expect(rows[1]).toMatchObject({ person: { tussenvoegsel: 'de', familyName: 'Vries', houseNumber: '12A' }, organisation: null, position: null });
  });

  it('says so when a card uses vCard 2.1’s quoted-printable', () => {
    const [card] = parseVCards('BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Jan\nEND:VCARD\n');
    expect(card!.unsupported).toBe('quoted-printable');
  });

  it.each([
    ['Stationsplein 12', { street: 'Stationsplein', houseNumber: '12' }],
    ['Laan van Nieuw-Oost-Indië 3-bis', { street: 'Laan van Nieuw-Oost-Indië', houseNumber: '3-bis' }],
    ['Markt', { street: 'Markt' }],
  ])('splits the street line %j', (line, expected) => {
    expect(splitStreet(line)).toEqual(expected);
  });
});

describe('a record as an import row', () => {
  it('reads Dutch choices, dates and a tussenvoegsel in the family name', () => {
    const row = readRecord(2, {
      organisation: 'Gemeente Zwolle', organisationKind: 'Gemeente', familyName: 'van der Meer', givenName: 'Kees', legalBasis: 'Publieke taak',
      title: 'Griffier', startsOn: '1-3-2024', kvkNumber: '1234 5678',
    }, defaults)!;
    expect(row.errors).toEqual([]);
    expect(row.organisation).toMatchObject({ kind: 'municipality', kvkNumber: '12345678' });
    expect(row.person).toMatchObject({ tussenvoegsel: 'van der', familyName: 'Meer', legalBasis: 'public-task' });
    expect(row.position).toMatchObject({ title: 'Griffier', startsOn: '2024-03-01' });
  });

  it('lists every problem against its column and keeps nothing of the row', () => {
    const row = readRecord(7, {
      organisation: 'Bedrijf', organisationPostcode: '12345', familyName: '=HYPERLINK("x")', email: 'geen-adres', startsOn: '31-02-2024', title: 'Adviseur',
    }, defaults)!;
    expect(row).toMatchObject({ row: 7, person: null, organisation: null, position: null, personName: '=HYPERLINK("x")', organisationName: 'Bedrijf' });
    expect(row.errors).toEqual(expect.arrayContaining([
      { field: 'familyName', message: 'imports:errors.formula' },
      { field: 'email', message: 'common:errors.invalidEmail' },
      { field: 'organisationPostcode', message: 'parties:errors.postcode' },
      { field: 'startsOn', message: 'common:errors.invalidDate' },
    ]));
  });

  it('takes off the apostrophe an export put before a phone number, and asks for a title to link person and organisation', () => {
    const row = readRecord(3, { organisation: 'Woonbond', familyName: 'Smit', phone: "'+31 20 555 0101" }, defaults)!;
    expect(row.errors).toEqual([{ field: 'title', message: 'common:errors.required' }]);
    expect(readRecord(4, { familyName: 'Smit', phone: "'+31 20 555 0101" }, defaults)!.person).toMatchObject({ phone: '+31 20 555 0101' });
  });

  it('ignores a blank record', () => {
    expect(readRecord(5, { familyName: '  ', organisation: '' }, defaults)).toBeNull();
  });

  it.each([
    ['van der Berg', { tussenvoegsel: 'van der', familyName: 'Berg' }],
    ["van 't Hof", { tussenvoegsel: "van 't", familyName: 'Hof' }],
    ['De Vries', { familyName: 'De Vries' }],
    ['Jansen-de Wit', { familyName: 'Jansen-de Wit' }],
  ])('splits %j', (name, expected) => {
    expect(splitTussenvoegsel(name)).toEqual(expected);
  });

  it.each([['2024-03-01', '2024-03-01'], ['1-3-2024', '2024-03-01'], ['01/03/2024', '2024-03-01'], ['1.3.2024', '2024-03-01'], ['maart', 'maart']])(
    'reads the day %j as %j', (cell, day) => expect(dayFromCell(cell)).toBe(day),
  );
});

describe('duplicates within the file, choices and the plan', () => {
  const row = (n: number, values: Record<string, string>) => readRecord(n, values, defaults)!;
  const rows: ImportRow[] = [
    row(2, { organisation: 'Gemeente Utrecht', familyName: 'Jansen', givenName: 'Piet', email: 'piet@utrecht.nl', title: 'Wethouder' }),
    row(3, { organisation: 'gemeente utrecht', familyName: 'Bakker', title: 'Griffier' }),
    row(4, { familyName: 'Jansen', initials: 'P.', email: 'PIET@utrecht.nl' }),
    row(5, { familyName: 'Jansen', givenName: 'Petra' }),
    row(6, { familyName: 'Jansen', initials: 'P' }),
  ];

  it('finds earlier rows by the register’s rules', () => {
    const persons = matchWithinFile(rows, 'person');
    expect(persons.get(2)).toEqual([{ row: 2, reasons: ['name', 'email'] }]);
    // Petra and Piet differ; `P.` fits either.
    expect(persons.get(3)).toEqual([{ row: 4, reasons: ['name'] }]);
    expect(persons.get(4)).toEqual([{ row: 2, reasons: ['name'] }, { row: 4, reasons: ['name'] }, { row: 5, reasons: ['name'] }]);
    expect(matchWithinFile(rows, 'organisation').get(1)).toEqual([{ row: 2, reasons: ['name'] }]);
  });

  it('preselects strong matches, leaves weak ones to the user, and never offers to create a taken KvK number', () => {
    expect(choicesFor('person', [], [{ row: 2, reasons: ['name', 'email'] }]).preset).toBe('row:2');
    expect(choicesFor('person', [], [{ row: 2, reasons: ['name'] }]).preset).toBe('');
    expect(choicesFor('person', [{ id: 9, label: 'P. Jansen', detail: null, active: true, reasons: ['email'] }], []).preset).toBe('existing:9');
    expect(choicesFor('person', [{ id: 9, label: 'P. Jansen', detail: null, active: false, reasons: ['email'] }], []))
      .toEqual({ choices: [{ value: 'create' }, { value: 'skip' }], preset: 'create' });
    const kvk = choicesFor('organisation', [{ id: 4, label: 'Woonbond', detail: null, active: true, reasons: ['kvk'] }], []);
    expect(kvk.choices.map((c) => c.value)).toEqual(['existing:4', 'skip']);
  });

  it('follows “same as row n” to what that row becomes, and refuses one that points at a skipped row', () => {
    const offered = (preset: string, ...values: string[]) => ({ preset, choices: values.map((value) => ({ value })) as never });
    const choosable = [
      { row: 2, errors: [], person: offered('create', 'create', 'skip'), organisation: offered('existing:7', 'create', 'existing:7', 'skip') },
      { row: 3, errors: [], person: offered('row:2', 'create', 'row:2', 'skip'), organisation: offered('row:2', 'row:2', 'skip') },
      { row: 4, errors: [{ field: 'email' as const, message: 'x' }], person: null, organisation: null },
      { row: 5, errors: [], person: offered('', 'create', 'row:2', 'skip'), organisation: null },
    ];
    const { plan, errors } = planImport(choosable, { 'person-2': 'skip', 'person-5': 'create' }, () => true);
    expect(errors).toEqual({ 'person-3': 'imports:errors.sameAsSkipped' });
    expect(plan[0]).toEqual({ row: 2, person: null, organisation: { kind: 'existing', id: 7 }, position: false, skipped: false, fill: [] });
    expect(plan[2]).toMatchObject({ row: 4, skipped: true });
    expect(plan[3]).toEqual({ row: 5, person: { kind: 'create', row: 5 }, organisation: null, position: false, skipped: false, fill: [] });
    expect(planImport(choosable, { 'person-5': 'existing:99' }, () => true).errors).toEqual({ 'person-5': 'common:errors.invalidChoice' });
    expect(planImport(choosable, {}, () => true).errors).toEqual({ 'person-5': 'imports:errors.chooseMatch' });
    expect(planImport(choosable, {}, () => true).plan[1]).toEqual({
      row: 3, person: { kind: 'create', row: 2 }, organisation: { kind: 'existing', id: 7 }, position: true, skipped: false, fill: [],
    });
  });

  it('completes an existing record only when it was chosen on its natural key (email, KvK number)', () => {
    const existing = (id: number, reasons: MatchReason[]) => ({ value: `existing:${id}` as const, id, label: 'x', detail: null, reasons });
    const rows = [
      { row: 2, errors: [], person: { preset: 'existing:1', choices: [existing(1, ['email'])] }, organisation: { preset: 'existing:2', choices: [existing(2, ['name'])] } },
      { row: 3, errors: [], person: null, organisation: { preset: 'existing:3', choices: [existing(3, ['kvk', 'name'])] } },
    ];
    expect(planImport(rows, {}, () => true).plan.map((p) => p.fill)).toEqual([['person'], ['organisation']]);
  });

  it('fills only empty fields, an address only as a whole, never source or legal basis', () => {
    const row = readRecord(2, {
      givenName: 'Pieter', familyName: 'Smit', email: 'p@x.nl', phone: '06 1111 2222', postcode: '1234 AB', houseNumber: '5', city: 'Kampen',
    }, { source: 'Import x.csv', legalBasis: 'consent' })!;
    expect(fillsFor('person', { givenName: 'Piet', email: null, phone: '', street: null, postcode: null, city: null, source: null }, row)).toEqual({
      values: { email: 'p@x.nl', phone: '06 1111 2222', houseNumber: '5', postcode: '1234 AB', city: 'Kampen' },
      columns: ['email', 'phone', 'houseNumber', 'postcode', 'city'],
    });
    // A stored city is part of an address: the file's postcode is not put beside it.
    expect(fillsFor('person', { givenName: 'Piet', email: 'p@x.nl', phone: '1', city: 'Zwolle' }, row).columns).toEqual([]);
  });
});
