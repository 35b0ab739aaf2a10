import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { readRecord } from '~/modules/imports/rules';
import { parseVCards } from '~/modules/imports/vcard';
import { createPosition } from '~/modules/parties/mutations.server';
import * as cardRoute from '~/routes/_app.i.$institutionId.parties.persons.$personId_.card[.]vcf';
import { addDays, today } from '~/utils/dates';
import { AuditEvent, Organisation, Person } from '~/utils/db.server';
import { makeCast, makeOrganisation, makePerson, makePosition } from '../modules/stakeholders-fixtures';
import { responseOf, routeArgs, signedInRequest } from '../support/requests';

type Cast = Awaited<ReturnType<typeof makeCast>>;
type Handler = (args: ReturnType<typeof routeArgs>) => unknown;

let cast: Cast;

beforeAll(async () => {
  cast = await makeCast();
});

async function download(user: { id: number }, personId: number, institutionId = cast.college.id) {
  const request = await signedInRequest(user, `/i/${institutionId}/parties/persons/${personId}/card.vcf`);
  return responseOf((cardRoute.loader as Handler)(routeArgs(request, { institutionId: String(institutionId), personId: String(personId) })));
}

describe('a person’s vCard', () => {
  it('reads back through the import as the same person, position and organisation', async () => {
    const organisation = await makeOrganisation(cast.college, {
      name: 'Gemeente Utrecht; afdeling Onderwijs, Jeugd & Zorg', kind: 'municipality', street: 'Stadsplateau', houseNumber: '1',
      postcode: '3521 AZ', city: 'Utrecht', website: 'https://www.utrecht.nl/',
    });
    const person = await makePerson(cast.college, {
      givenName: 'Anna', tussenvoegsel: 'van den', familyName: 'Berg', email: 'anna@example.nl', phone: '06 1234 5678',
      street: 'Lange Nieuwstraat', houseNumber: '12A', postcode: '3811 AB', city: 'Amersfoort',
    });
    const title = 'Wethouder onderwijs, jeugd; cultuur\\zorg — en een titel die lang genoeg is om de regel te laten vouwen';
    await createPosition(SYSTEM_ACTOR, {
      institutionId: cast.college.id, personId: person.id, organisationId: organisation.id, title, startsOn: addDays(today(), -100),
      businessEmail: 'a.vandenberg@utrecht.nl', businessPhone: '030 286 0000',
    });
    // An ended position is history, not a business detail on today's card.
    const former = await makeOrganisation(cast.college, { name: 'Provincie Utrecht' });
    await makePosition(cast.college, person, former, 'Statenlid', { startsOn: addDays(today(), -900), endsOn: addDays(today(), -200) });

    const response = await download(cast.secretary, person.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/vcard; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="person-${person.id}.vcf"`);
    const text = await response.text();

    // RFC 6350: CRLF line ends, no line over 75 octets, FN and N present, text values escaped.
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('FN:Anna van den Berg\r\n');
    expect(unfolded).toContain('N:van den Berg;Anna;;;\r\n');
    expect(unfolded).toContain('ORG:Gemeente Utrecht\\; afdeling Onderwijs\\, Jeugd & Zorg\r\n');
    expect(unfolded).toContain('TITLE:Wethouder onderwijs\\, jeugd\\; cultuur\\\\zorg — en een');
    expect(unfolded).not.toContain('Statenlid');

    const cards = parseVCards(text);
    expect(cards).toHaveLength(1);
    const row = readRecord(1, cards[0]!.values, { source: 'Import kaart.vcf' })!;
    expect(row.errors).toEqual([]);
    // The same fields as the register holds them.
    const stored = (await Person.findByPk(person.id))!;
    const storedOrganisation = (await Organisation.findByPk(organisation.id))!;
    const personKeys = ['givenName', 'tussenvoegsel', 'familyName', 'email', 'phone', 'street', 'houseNumber', 'postcode', 'city'] as const;
    expect(row.person).toMatchObject(Object.fromEntries(personKeys.map((k) => [k, stored[k]])));
    const organisationKeys = ['name', 'street', 'houseNumber', 'postcode', 'city', 'website'] as const;
    expect(row.organisation).toMatchObject(Object.fromEntries(organisationKeys.map((k) => [k, storedOrganisation[k]])));
    expect(row.position).toMatchObject({ title, businessEmail: 'a.vandenberg@utrecht.nl', businessPhone: '030 286 0000' });
  });

  it('carries initials where there is no given name, and reads back as initials', async () => {
    const person = await makePerson(cast.college, { initials: 'J.P.', familyName: 'Kramer' });
    const text = await (await download(cast.manager, person.id)).text();
    const row = readRecord(1, parseVCards(text)[0]!.values, { source: 'x' })!;
    expect(row.person).toMatchObject({ initials: 'J.P.', familyName: 'Kramer' });
    expect(row.person!.givenName).toBeUndefined();
  });

  it('is audited as an export, with no personal data in the event', async () => {
    const person = await makePerson(cast.college, { givenName: 'Eva', familyName: 'Mulder', email: 'eva@example.nl' });
    expect((await download(cast.supervisor, person.id)).status).toBe(200);
    const event = await AuditEvent.findOne({ where: { entity: 'person', entityId: String(person.id), action: 'export' } });
    expect(event).toMatchObject({ institutionId: cast.college.id, actorUserId: cast.supervisor.id, changes: { format: [null, 'vcard'] } });
  });

  it('is 404 for a member of another institution, and for a person of another institution', async () => {
    const person = await makePerson(cast.college, { familyName: 'Eigen' });
    const before = await AuditEvent.count({ where: { action: 'export', entity: 'person' } });
    expect((await download(cast.otherSecretary, person.id)).status).toBe(404);
    expect((await download(cast.otherSecretary, person.id, cast.corporation.id)).status).toBe(404);
    expect(await AuditEvent.count({ where: { action: 'export', entity: 'person' } })).toBe(before);
  });
});
