import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { changeAgreementStatus } from '~/modules/agreements/mutations.server';
import { recordRendering } from '~/modules/obligations/mutations.server';
import { createPosition } from '~/modules/parties/mutations.server';
import { ReportingMoment } from '~/utils/db.server';
import { addMonths, today } from '~/utils/dates';
import { makeAgreement, makeObligation } from './obligations-fixtures';
import { engage, makeCast, makeOrganisation, makePerson, makeRegisteredStakeholder } from './stakeholders-fixtures';

/**
 * A stakeholder contact with everything the privacy area reads: a person with private details, a
 * position at an organisation that is a stakeholder (business email), a contact they took part in,
 * an agreement in force and an obligation with moments (one rendered). Built through the areas'
 * own mutations, as the demo seed does. Names are distinctive so a search of the database for them
 * finds only what this fixture wrote.
 */
type Institution = { id: number };

export type Contact = Awaited<ReturnType<typeof makeContact>>;

export async function makeContact(
  institution: Institution,
  responsible: { id: number },
  who: { givenName: string; familyName: string; organisation: string; email: string; businessEmail: string; phone: string; businessPhone: string; street: string },
) {
  const day = today();
  const organisation = await makeOrganisation(institution, { name: who.organisation });
  const stakeholder = await makeRegisteredStakeholder(institution, { kind: 'organisation', id: organisation.id });
  const person = await makePerson(institution, {
    givenName: who.givenName, tussenvoegsel: 'van', familyName: who.familyName, email: who.email, phone: who.phone,
    street: who.street, houseNumber: '12', postcode: '3511 AB', city: 'Utrecht', source: 'Visitekaartje', legalBasis: 'legitimate-interests',
  });
  const position = await createPosition(SYSTEM_ACTOR, {
    institutionId: institution.id, personId: person.id, organisationId: organisation.id, title: 'Wethouder onderwijs',
    businessEmail: who.businessEmail, businessPhone: who.businessPhone,
  });
  const fullName = `${who.givenName} van ${who.familyName}`;
  const engagement = await engage(institution, {
    occurredOn: addMonths(day, -1), stakeholderIds: [stakeholder.id], participants: [{ kind: 'position', id: position.id }],
    subject: `Overleg met ${fullName}`, summary: `${fullName} vraagt om een vervolgafspraak.`,
  });
  const agreement = await makeAgreement(institution, [stakeholder.id], { title: `Convenant ${who.organisation}`, startsOn: addMonths(day, -12) });
  await changeAgreementStatus(SYSTEM_ACTOR, { institutionId: institution.id, agreementId: agreement.id, status: 'active', version: 0 });
  const obligation = await makeObligation(institution, {
    responsibleUserId: responsible.id, stakeholderIds: [stakeholder.id], title: `Voortgangsrapportage ${who.organisation}`,
    startsOn: addMonths(day, -7), forum: null,
  }, day);
  const past = await ReportingMoment.findOne({ where: { obligationId: obligation.id }, order: [['dueOn', 'ASC']] });
  await recordRendering(SYSTEM_ACTOR, { institutionId: institution.id, momentId: past!.id, renderedOn: past!.dueOn, version: past!.version }, day);
  return {
    person: { id: person.id, fullName, email: who.email, businessEmail: who.businessEmail, phone: who.phone },
    organisation: { id: organisation.id, name: who.organisation },
    stakeholder: { id: stakeholder.id },
    position: { id: position.id },
    engagement: { id: engagement.id },
    agreement: { id: agreement.id, title: `Convenant ${who.organisation}` },
    obligation: { id: obligation.id, title: `Voortgangsrapportage ${who.organisation}` },
  };
}

/** The authorisation cast, and two contacts of the college at different organisations. */
export async function makePrivacyWorld() {
  const cast = await makeCast();
  const jantje = await makeContact(cast.college, cast.secretary, {
    givenName: 'Jantje', familyName: 'Zwanenburg', organisation: 'Gemeente Vecht', email: 'jantje.zwanenburg@example.nl',
    businessEmail: 'j.vanzwanenburg@vecht.example.nl', phone: '0612345678', businessPhone: '0301234567', street: 'Lindelaan',
  });
  const pieter = await makeContact(cast.college, cast.secretary, {
    givenName: 'Pieter', familyName: 'Ooievaar', organisation: 'Woonstichting Eiland', email: 'pieter.ooievaar@example.nl',
    businessEmail: 'p.ooievaar@eiland.example.nl', phone: '0687654321', businessPhone: '0207654321', street: 'Beukenlaan',
  });
  return { ...cast, jantje, pieter };
}
export type PrivacyWorld = Awaited<ReturnType<typeof makePrivacyWorld>>;
