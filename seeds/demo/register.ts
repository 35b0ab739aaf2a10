import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import {
  addHouseholdMember, createHousehold, createOrganisation, createPerson, createPosition,
} from '~/modules/parties/mutations.server';
import type { LEGAL_BASES, ORGANISATION_KINDS } from '~/modules/parties/schema';
import { completeFollowUp, recordEngagement } from '~/modules/stakeholders/engagement-mutations.server';
import { createInterest, createStakeholder, createTheme, recordAssessment } from '~/modules/stakeholders/mutations.server';
import type { Category, Tier } from '~/modules/stakeholders/rules';
import type { CHANNELS, DIRECTIONS, INTEREST_PRIORITIES, INTEREST_STATUSES, ParticipantRef } from '~/modules/stakeholders/schema';
import { compareDays, type Day } from '~/utils/dates';
import { ago, ahead, on, ref, type DemoContext, type InstitutionKey, type InstitutionRefs } from './context';

/**
 * The stakeholder register of each demo institution: its directory (organisations, persons stored
 * once with their positions, households), the stakeholders with dated salience assessments, the
 * themes and interests, and a year of engagements with follow-ups open, overdue and done.
 */

type Owner = 'secretary' | 'manager';

type OrganisationSpec = {
  key: string; name: string; kind: (typeof ORGANISATION_KINDS)[number]; city?: string; kvkNumber?: string; website?: string;
  source?: string; verified?: boolean;
};
type PersonSpec = {
  key: string; givenName: string; tussenvoegsel?: string; familyName: string; initials?: string; email?: string; phone?: string;
  street?: string; houseNumber?: string; postcode?: string; city?: string;
  source: string; legalBasis: (typeof LEGAL_BASES)[number]; verified: boolean;
};
/** [person, organisation, title, from, until, business email]; the position's key is `person@organisation`. */
type PositionSpec = [string, string, string, Day | null, Day | null, string?];
type HouseholdSpec = {
  key: string; name: string; street: string; houseNumber: string; postcode: string; city: string; segment: string;
  source: string; verified: boolean; members: [string, string][];
};
/** [days ago, power, interest, legitimacy, urgency, note] */
type AssessmentSpec = [number, number, number, boolean, boolean, string?];
type StakeholderSpec = {
  /** The party: an organisation's key, or `person:key` / `household:key`. */
  party: string; category: Category; tier: Tier; owner: Owner | null; tierRationale?: string; description?: string;
  assessments?: AssessmentSpec[];
};
/** [stakeholder, key, title, theme, priority, since, status] */
type InterestSpec = [string, string, string, string | null, (typeof INTEREST_PRIORITIES)[number], Day, (typeof INTEREST_STATUSES)[number]];
type EngagementSpec = {
  key: string; daysAgo: number; channel: (typeof CHANNELS)[number]; direction: (typeof DIRECTIONS)[number]; subject: string;
  summary: string; stakeholders: string[]; participants: string[]; interests: string[];
  /** dueIn: days from today (negative: it was due in the past). */
  followUp?: { text: string; owner: Owner; dueIn: number; done?: boolean };
  confirmParticipants?: boolean;
};

export type RegisterData = {
  organisations: OrganisationSpec[];
  persons: PersonSpec[];
  positions: PositionSpec[];
  households: HouseholdSpec[];
  stakeholders: StakeholderSpec[];
  themes: string[];
  interests: InterestSpec[];
  engagements: EngagementSpec[];
};

/** A stakeholder's key is its party's key without the kind: `gem-utrecht`, `kees`, `yilmaz`. */
const stakeholderKey = (party: string) => party.replace(/^(person|household):/, '');

export async function seedRegister(ctx: DemoContext, key: InstitutionKey, data: RegisterData): Promise<void> {
  const refs = ctx.institutions[key];
  const institutionId = refs.id;
  const actor = SYSTEM_ACTOR;

  for (const o of data.organisations) {
    const { id } = await createOrganisation(actor, {
      institutionId, name: o.name, kind: o.kind, city: o.city, kvkNumber: o.kvkNumber, website: o.website,
      source: o.source ?? 'Openbare gegevens', verified: o.verified ?? true,
    });
    refs.organisations.set(o.key, id);
  }
  for (const p of data.persons) {
    const { key: personKey, verified, ...fields } = p;
    const { id } = await createPerson(actor, { institutionId, ...fields, verified });
    refs.persons.set(personKey, id);
  }
  for (const [person, organisation, title, startsOn, endsOn, businessEmail] of data.positions) {
    const { id } = await createPosition(actor, {
      institutionId, personId: ref(refs.persons, person), organisationId: ref(refs.organisations, organisation), title,
      startsOn: startsOn ?? undefined, endsOn: endsOn ?? undefined, businessEmail,
    });
    refs.positions.set(`${person}@${organisation}`, id);
  }
  for (const h of data.households) {
    const { id } = await createHousehold(actor, {
      institutionId, name: h.name, street: h.street, houseNumber: h.houseNumber, postcode: h.postcode, city: h.city,
      segment: h.segment, status: 'active', source: h.source, verified: h.verified,
    });
    refs.households.set(h.key, id);
    for (const [person, relation] of h.members) {
      await addHouseholdMember(actor, { institutionId, householdId: id, personId: ref(refs.persons, person), relation });
    }
  }

  for (const s of data.stakeholders) {
    const [partyKind, partyId] = partyOf(refs, s.party);
    const { id } = await createStakeholder(actor, {
      institutionId, partyKind, partyId, category: s.category, tier: s.tier, tierRationale: s.tierRationale, description: s.description,
      ownerUserId: s.owner ? refs.staff[s.owner] : undefined, status: 'active',
    });
    refs.stakeholders.set(stakeholderKey(s.party), id);
    // Oldest first, as they were made: the latest is what the register shows, the rest is history.
    for (const [daysAgo, power, interest, legitimacy, urgency, note] of [...(s.assessments ?? [])].sort((a, b) => b[0] - a[0])) {
      await recordAssessment(actor, { institutionId, stakeholderId: id, assessedOn: ago(ctx, daysAgo), power, interest, legitimacy, urgency, note });
    }
  }

  for (const name of data.themes) refs.themes.set(name, (await createTheme(actor, { institutionId, name })).id);
  for (const [stakeholder, interestKey, title, theme, priority, since, status] of data.interests) {
    const { id } = await createInterest(actor, {
      institutionId, stakeholderId: ref(refs.stakeholders, stakeholder), title, themeId: theme ? ref(refs.themes, theme) : undefined,
      priority, since, status,
    });
    refs.interests.set(interestKey, id);
  }

  // In the order they happened, so the log and the audit trail read as a year.
  for (const e of [...data.engagements].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const occurredOn = ago(ctx, e.daysAgo);
    if (compareDays(occurredOn, ctx.today) > 0) throw new Error(`demo data: engagement "${e.key}" lies in the future`);
    const { id } = await recordEngagement(actor, {
      institutionId, occurredOn, channel: e.channel, direction: e.direction, subject: e.subject, summary: e.summary,
      stakeholderIds: e.stakeholders.map((s) => ref(refs.stakeholders, s)),
      participants: e.participants.map((p) => participant(refs, p)),
      interestIds: e.interests.map((i) => ref(refs.interests, i)),
      followUp: e.followUp?.text, followUpOwnerUserId: e.followUp ? refs.staff[e.followUp.owner] : undefined,
      followUpDueOn: e.followUp ? ahead(ctx, e.followUp.dueIn) : undefined,
      confirmParticipants: e.confirmParticipants ?? false,
    });
    refs.engagements.set(e.key, id);
    if (e.followUp?.done) await completeFollowUp(actor, { institutionId, engagementId: id });
  }
}

function partyOf(refs: InstitutionRefs, party: string): ['organisation' | 'person' | 'household', number] {
  if (party.startsWith('person:')) return ['person', ref(refs.persons, stakeholderKey(party))];
  if (party.startsWith('household:')) return ['household', ref(refs.households, stakeholderKey(party))];
  return ['organisation', ref(refs.organisations, party)];
}

/** `position:marieke@gem-nieuwegein` (acting in that position) or `person:kees` (privately). */
function participant(refs: InstitutionRefs, value: string): ParticipantRef {
  const [kind, key] = value.split(':') as ['person' | 'position', string];
  return { kind, id: ref(kind === 'person' ? refs.persons : refs.positions, key) };
}

// ---------------------------------------------------------------------------------------------
// Vecht College: an MBO college in the Utrecht region

export const vechtRegister = (ctx: DemoContext): RegisterData => ({
  organisations: [
    { key: 'gem-utrecht', name: 'Gemeente Utrecht', kind: 'municipality', city: 'Utrecht' },
    { key: 'gem-nieuwegein', name: 'Gemeente Nieuwegein', kind: 'municipality', city: 'Nieuwegein' },
    { key: 'provincie', name: 'Provincie Utrecht', kind: 'province', city: 'Utrecht', verified: false },
    { key: 'ocw', name: 'Ministerie van Onderwijs, Cultuur en Wetenschap', kind: 'ministry', city: 'Den Haag' },
    { key: 'inspectie', name: 'Inspectie van het Onderwijs', kind: 'regulator', city: 'Utrecht' },
    { key: 'duo', name: 'Dienst Uitvoering Onderwijs (DUO)', kind: 'funder', city: 'Groningen' },
    { key: 'mbo-raad', name: 'MBO Raad', kind: 'association', city: 'Woerden' },
    { key: 'sbb', name: 'Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven (SBB)', kind: 'association', city: 'Zoetermeer' },
    { key: 'rmc', name: 'RMC-regio Utrecht', kind: 'other', city: 'Utrecht', source: 'Convenant voortijdig schoolverlaten' },
    { key: 'studentenraad', name: 'Centrale Studentenraad Vecht College', kind: 'student-council', city: 'Utrecht', source: 'Eigen organisatie' },
    { key: 'or', name: 'Ondernemingsraad Vecht College', kind: 'works-council', city: 'Utrecht', source: 'Eigen organisatie' },
    { key: 'rvt', name: 'Raad van Toezicht Vecht College', kind: 'other', city: 'Utrecht', source: 'Eigen organisatie' },
    { key: 'ouderraad', name: 'Ouderraad Vecht College', kind: 'interest-group', city: 'Utrecht', source: 'Eigen organisatie', verified: false },
    { key: 'zorg-lekvecht', name: 'Zorggroep Lek en Vecht', kind: 'healthcare-provider', city: 'Nieuwegein', kvkNumber: '41187023', website: 'https://www.zorggroeplekenvecht.example' },
    { key: 'bouw-vanwijk', name: 'Bouwbedrijf Van Wijk & Zonen', kind: 'company', city: 'Houten', kvkNumber: '30245871', source: 'Werkgeverstafel techniek' },
    { key: 'ict-platform', name: 'ICT Werkgeversplatform Utrecht', kind: 'association', city: 'Utrecht', kvkNumber: '65512890' },
    { key: 'roc-rijnlek', name: 'ROC Rijn en Lek', kind: 'school', city: 'Vianen', website: 'https://www.rocrijnenlek.example' },
    { key: 'jongerenloket', name: 'Jongerenloket Nieuwegein', kind: 'other', city: 'Nieuwegein' },
    { key: 'loopbaan', name: 'Stichting Loopbaan Utrecht', kind: 'interest-group', city: 'Utrecht', kvkNumber: '58809124', verified: false },
  ],
  persons: [
    { key: 'marieke', givenName: 'Marieke', tussenvoegsel: 'van der', familyName: 'Linden', initials: 'M.', source: 'Website Gemeente Nieuwegein; LinkedIn', legalBasis: 'legitimate-interests', verified: true },
    { key: 'hans', givenName: 'Hans', familyName: 'Kuipers', initials: 'H.J.', source: 'Jaarverslag (samenstelling Raad van Toezicht)', legalBasis: 'legitimate-interests', verified: false },
    { key: 'els', givenName: 'Els', familyName: 'Verhoef', source: 'Verkiezingsuitslag ondernemingsraad', legalBasis: 'legitimate-interests', verified: true },
    { key: 'ahmed', givenName: 'Ahmed', familyName: 'Bouzid', source: 'Verkiezingsuitslag studentenraad', legalBasis: 'legitimate-interests', verified: false },
    { key: 'karin', givenName: 'Karin', familyName: 'Dijkstra', source: 'Aankondiging onderzoek Inspectie', legalBasis: 'public-task', verified: false },
    { key: 'johan', givenName: 'Johan', familyName: 'Smit', source: 'Visitekaartje werkgeverstafel', legalBasis: 'legitimate-interests', verified: false },
    { key: 'linda', givenName: 'Linda', familyName: 'Postma', source: 'E-mail DUO', legalBasis: 'legitimate-interests', verified: true },
  ],
  positions: [
    ['marieke', 'gem-nieuwegein', 'Wethouder Onderwijs, Werk en Inkomen', on(ctx, -3, '05-12'), null, 'm.vanderlinden@nieuwegein.example'],
    ['marieke', 'loopbaan', 'Lid Raad van Advies', on(ctx, -2, '01-01'), null],
    ['marieke', 'mbo-raad', 'Senior beleidsadviseur', on(ctx, -9, '03-01'), on(ctx, -3, '04-30')],
    ['hans', 'rvt', 'Voorzitter', on(ctx, -3, '09-01'), null],
    ['hans', 'zorg-lekvecht', 'Directeur HR', on(ctx, -6, '02-01'), null, 'h.kuipers@zorggroeplekenvecht.example'],
    ['els', 'or', 'Voorzitter', on(ctx, -2, '10-01'), null, 'or@vechtcollege.example'],
    ['ahmed', 'studentenraad', 'Voorzitter', on(ctx, -1, '09-01'), null, 'studentenraad@vechtcollege.example'],
    ['karin', 'inspectie', 'Inspecteur', null, null],
    ['johan', 'bouw-vanwijk', 'Directeur-eigenaar', on(ctx, -12, '01-01'), null],
    ['johan', 'sbb', 'Lid sectorkamer techniek en gebouwde omgeving', on(ctx, -1, '01-01'), null],
    ['linda', 'duo', 'Accountmanager mbo', null, null, 'l.postma@duo.example'],
  ],
  households: [],
  stakeholders: [
    { party: 'gem-utrecht', category: 'government', tier: 'a', owner: 'secretary', tierRationale: 'Vestigingsgemeente en contactgemeente RMC; wederzijds afhankelijk bij voortijdig schoolverlaten', assessments: [[420, 4, 4, true, false], [75, 4, 5, true, true, 'Urgentie gestegen na de nieuwe VSV-cijfers']] },
    { party: 'gem-nieuwegein', category: 'government', tier: 'b', owner: 'secretary', assessments: [[95, 3, 4, true, false]] },
    { party: 'provincie', category: 'government', tier: 'c', owner: null },
    { party: 'ocw', category: 'government', tier: 'a', owner: 'manager', description: 'Bekostiger en opdrachtgever van de kwaliteitsagenda.', assessments: [[400, 5, 3, true, false], [60, 5, 4, true, true, 'Tussentijdse beoordeling kwaliteitsagenda']] },
    { party: 'inspectie', category: 'regulator', tier: 'a', owner: 'manager', assessments: [[120, 5, 4, true, true, 'Vierjaarlijks onderzoek aangekondigd']] },
    { party: 'duo', category: 'funder', tier: 'a', owner: 'secretary', assessments: [[200, 4, 2, true, false]] },
    { party: 'mbo-raad', category: 'field', tier: 'b', owner: 'manager', assessments: [[300, 2, 3, true, false]] },
    { party: 'sbb', category: 'field', tier: 'b', owner: 'secretary', assessments: [[300, 2, 3, true, false]] },
    { party: 'rmc', category: 'government', tier: 'b', owner: 'secretary', assessments: [[150, 2, 4, true, false]] },
    { party: 'studentenraad', category: 'client-representation', tier: 'a', owner: 'secretary', assessments: [[380, 2, 5, true, false], [45, 3, 5, true, true, 'Instemmingsrecht op het studentenstatuut; onrust over het mentoraat']] },
    { party: 'or', category: 'works-council', tier: 'a', owner: 'manager', assessments: [[90, 3, 5, true, true]] },
    { party: 'rvt', category: 'regulator', tier: 'a', owner: 'manager', description: 'Intern toezicht; ontvangt de kwartaalrapportages.', assessments: [[100, 5, 4, true, false]] },
    { party: 'ouderraad', category: 'client-representation', tier: 'c', owner: 'secretary', assessments: [[200, 1, 3, true, false]] },
    { party: 'zorg-lekvecht', category: 'field', tier: 'a', owner: 'secretary', tierRationale: 'Grootste leerbedrijf voor BBL verpleegkunde', assessments: [[410, 3, 5, true, false], [50, 3, 5, true, true, 'Tekort aan BBL-plaatsen dreigt']] },
    { party: 'bouw-vanwijk', category: 'field', tier: 'b', owner: 'secretary', assessments: [[180, 2, 4, true, false]] },
    { party: 'ict-platform', category: 'field', tier: 'b', owner: 'secretary', assessments: [[160, 2, 3, true, false]] },
    { party: 'roc-rijnlek', category: 'partner', tier: 'b', owner: 'manager', assessments: [[250, 2, 2, true, false]] },
    { party: 'jongerenloket', category: 'partner', tier: 'c', owner: 'secretary', assessments: [[130, 1, 4, true, true]] },
    { party: 'loopbaan', category: 'community', tier: 'c', owner: null },
  ],
  themes: ['Aansluiting onderwijs–arbeidsmarkt', 'Voortijdig schoolverlaten', 'Kwaliteit van onderwijs en examinering', 'Studentenwelzijn', 'Gelijke kansen', 'Personeel en werkdruk'],
  interests: [
    ['gem-utrecht', 'vsv-utrecht', 'Minder voortijdig schoolverlaters in Utrecht', 'Voortijdig schoolverlaten', 'high', on(ctx, -2, '01-01'), 'active'],
    ['gem-nieuwegein', 'stages-nieuwegein', 'Stageplaatsen en werk voor jongeren uit Nieuwegein', 'Aansluiting onderwijs–arbeidsmarkt', 'high', on(ctx, -1, '03-01'), 'active'],
    ['jongerenloket', 'warme-overdracht', 'Warme overdracht van jongeren zonder startkwalificatie', 'Voortijdig schoolverlaten', 'medium', on(ctx, -1, '09-01'), 'active'],
    ['rmc', 'vsv-cijfers', 'Tijdige verzuimmeldingen en betrouwbare VSV-cijfers', 'Voortijdig schoolverlaten', 'medium', on(ctx, -2, '08-01'), 'active'],
    ['ocw', 'kwaliteitsagenda', 'Uitvoering en verantwoording van de kwaliteitsagenda', 'Kwaliteit van onderwijs en examinering', 'high', on(ctx, -2, '01-01'), 'active'],
    ['inspectie', 'examinering', 'Kwaliteit van examinering en diplomering', 'Kwaliteit van onderwijs en examinering', 'high', on(ctx, -1, '01-01'), 'active'],
    ['duo', 'bron', 'Juiste en tijdige BRON-registratie', 'Kwaliteit van onderwijs en examinering', 'medium', on(ctx, -3, '01-01'), 'active'],
    ['studentenraad', 'welzijn', 'Mentale gezondheid en studentenwelzijn', 'Studentenwelzijn', 'high', on(ctx, -1, '10-01'), 'active'],
    ['studentenraad', 'leermiddelen', 'Betaalbare leermiddelen', 'Gelijke kansen', 'medium', on(ctx, -2, '09-01'), 'addressed'],
    ['or', 'werkdruk', 'Werkdruk van docenten', 'Personeel en werkdruk', 'high', on(ctx, -2, '01-01'), 'active'],
    ['zorg-lekvecht', 'bbl-zorg', 'Voldoende BBL-leerlingen verpleegkunde', 'Aansluiting onderwijs–arbeidsmarkt', 'high', on(ctx, -2, '01-01'), 'active'],
    ['bouw-vanwijk', 'techniek', 'Meer instroom in technische opleidingen', 'Aansluiting onderwijs–arbeidsmarkt', 'medium', on(ctx, -1, '01-01'), 'active'],
    ['ict-platform', 'ict', 'Actuele ICT-opleidingen met praktijkopdrachten', 'Aansluiting onderwijs–arbeidsmarkt', 'medium', on(ctx, -1, '06-01'), 'active'],
    ['sbb', 'erkenning', 'Voldoende erkende leerbedrijven in de regio', 'Aansluiting onderwijs–arbeidsmarkt', 'low', on(ctx, -3, '01-01'), 'active'],
    ['ouderraad', 'mentoren', 'Bereikbaarheid van mentoren voor ouders', 'Studentenwelzijn', 'low', on(ctx, -2, '01-01'), 'dropped'],
  ],
  engagements: [
    {
      key: 'nieuwegein-overleg', daysAgo: 150, channel: 'meeting', direction: 'mutual', subject: 'Bestuurlijk overleg aansluiting onderwijs–arbeidsmarkt Nieuwegein',
      summary: 'Afgesproken om stageplaatsen bij Nieuwegeinse werkgevers samen te werven; het Jongerenloket sluit aan bij de intake van entree.',
      stakeholders: ['gem-nieuwegein', 'jongerenloket'], participants: ['position:marieke@gem-nieuwegein'], interests: ['stages-nieuwegein', 'warme-overdracht'],
      followUp: { text: 'Overzicht openstaande stageplaatsen per opleiding naar de wethouder sturen', owner: 'secretary', dueIn: -130, done: true },
    },
    {
      key: 'or-begroting', daysAgo: 75, channel: 'meeting', direction: 'mutual', subject: 'Overlegvergadering OR: begroting en formatieplan',
      summary: 'De OR vraagt om zicht op de werkdrukmiddelen in de begroting en adviseert positief onder voorwaarden.',
      stakeholders: ['or'], participants: ['position:els@or'], interests: ['werkdruk'],
      followUp: { text: 'Schriftelijk reageren op het advies van de OR over de begroting', owner: 'manager', dueIn: -20 },
    },
    {
      key: 'inspectie-gesprek', daysAgo: 40, channel: 'meeting', direction: 'inbound', subject: 'Onderzoek Inspectie: gesprek met het College van Bestuur',
      summary: 'De Inspectie ziet verbeterpunten in de borging van de examenkwaliteit bij twee opleidingen.',
      stakeholders: ['inspectie'], participants: ['position:karin@inspectie'], interests: ['examinering'],
      followUp: { text: 'Verbeterplan examinering indienen bij de Inspectie', owner: 'manager', dueIn: 30 },
    },
    {
      key: 'studentenraad-welzijn', daysAgo: 21, channel: 'meeting', direction: 'mutual', subject: 'Overleg Centrale Studentenraad over studentenwelzijn',
      summary: 'De studentenraad wil een vast aanspreekpunt voor mentale gezondheid op elke locatie.',
      stakeholders: ['studentenraad'], participants: ['position:ahmed@studentenraad'], interests: ['welzijn'],
      followUp: { text: 'Studentenraad uitnodigen voor de evaluatie van het mentoraat', owner: 'secretary', dueIn: 10 },
      confirmParticipants: true,
    },
    {
      key: 'werkgeverstafel', daysAgo: 12, channel: 'event', direction: 'mutual', subject: 'Regionale werkgeverstafel zorg, techniek en ICT',
      summary: 'Werkgevers willen meer BBL-instroom; afgesproken om een gezamenlijke open dag te organiseren.',
      stakeholders: ['zorg-lekvecht', 'bouw-vanwijk', 'ict-platform'], participants: ['position:hans@zorg-lekvecht', 'position:johan@bouw-vanwijk'],
      interests: ['bbl-zorg', 'techniek', 'ict'],
    },
    {
      key: 'duo-bron', daysAgo: 5, channel: 'phone', direction: 'inbound', subject: 'Telefonisch overleg DUO over BRON-terugkoppeling',
      summary: 'DUO meldt ontbrekende uitschrijvingen in de laatste aanlevering.',
      stakeholders: ['duo'], participants: ['position:linda@duo'], interests: ['bron'],
      followUp: { text: 'Ontbrekende BRON-mutaties corrigeren', owner: 'secretary', dueIn: -1 },
    },
    {
      key: 'rvt-jaarverslag', daysAgo: 200, channel: 'meeting', direction: 'outbound', subject: 'Voorbespreking jaarverslag met de voorzitter van de Raad van Toezicht',
      summary: 'De voorzitter vraagt om de paragraaf over de Branchecode en de afwijkingen daarop uit te breiden.',
      stakeholders: ['rvt'], participants: ['position:hans@rvt'], interests: [],
      followUp: { text: 'Concept-jaarverslag met verwerkte opmerkingen naar de Raad van Toezicht', owner: 'manager', dueIn: -185, done: true },
    },
    {
      key: 'entree-bezoek', daysAgo: 60, channel: 'site-visit', direction: 'inbound', subject: 'Werkbezoek Gemeente Utrecht en RMC aan de entreeopleiding',
      summary: 'Gesproken over verzuim in de entreeopleiding en de doorverwijzing naar het RMC.',
      stakeholders: ['gem-utrecht', 'rmc'], participants: [], interests: ['vsv-utrecht', 'vsv-cijfers'],
      followUp: { text: 'Gezamenlijke aanpak verzuim entree uitwerken met het RMC', owner: 'secretary', dueIn: 45 },
    },
    {
      key: 'mbo-raad-monitor', daysAgo: 2, channel: 'email', direction: 'inbound', subject: 'MBO Raad: uitvraag monitor Branchecode goed bestuur',
      summary: 'De monitoringscommissie vraagt de gegevens voor de tweejaarlijkse monitor op.',
      stakeholders: ['mbo-raad'], participants: [], interests: [],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Woonstichting Lekstroom: a housing corporation in Nieuwegein

export const lekstroomRegister = (ctx: DemoContext): RegisterData => ({
  organisations: [
    { key: 'gem-nieuwegein', name: 'Gemeente Nieuwegein', kind: 'municipality', city: 'Nieuwegein' },
    { key: 'gem-ijsselstein', name: 'Gemeente IJsselstein', kind: 'municipality', city: 'IJsselstein' },
    { key: 'gem-vijfheerenlanden', name: 'Gemeente Vijfheerenlanden', kind: 'municipality', city: 'Vianen', verified: false },
    { key: 'huurders', name: 'Huurdersvereniging Lekstroom', kind: 'tenants-association', city: 'Nieuwegein', kvkNumber: '40481236', website: 'https://www.huurdersvereniginglekstroom.example' },
    { key: 'aw', name: 'Autoriteit woningcorporaties', kind: 'regulator', city: 'Utrecht' },
    { key: 'wsw', name: 'Waarborgfonds Sociale Woningbouw (WSW)', kind: 'funder', city: 'Hilversum' },
    { key: 'bzk', name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties', kind: 'ministry', city: 'Den Haag' },
    { key: 'aedes', name: 'Aedes vereniging van woningcorporaties', kind: 'association', city: 'Den Haag' },
    { key: 'rvc', name: 'Raad van Commissarissen Woonstichting Lekstroom', kind: 'other', city: 'Nieuwegein', source: 'Eigen organisatie' },
    { key: 'or', name: 'Ondernemingsraad Woonstichting Lekstroom', kind: 'works-council', city: 'Nieuwegein', source: 'Eigen organisatie' },
    { key: 'lekzorg', name: 'Lekzorg Thuiszorg en Begeleiding', kind: 'healthcare-provider', city: 'Nieuwegein', kvkNumber: '52344710', website: 'https://www.lekzorg.example' },
    { key: 'wijkteam', name: 'Sociaal Wijkteam Nieuwegein-Noord', kind: 'other', city: 'Nieuwegein' },
    { key: 'bewonerscommissie', name: 'Bewonerscommissie Batau-Noord', kind: 'tenants-association', city: 'Nieuwegein', source: 'Huurdersvereniging Lekstroom' },
    { key: 'bouwcombinatie', name: 'Bouwcombinatie Lekoever', kind: 'company', city: 'Vianen', kvkNumber: '71029385' },
    { key: 'energie', name: 'Energiecoöperatie Nieuwegein', kind: 'interest-group', city: 'Nieuwegein', kvkNumber: '69910452', verified: false },
  ],
  persons: [
    { key: 'marieke', givenName: 'Marieke', tussenvoegsel: 'van der', familyName: 'Linden', initials: 'M.', source: 'Website Gemeente Nieuwegein', legalBasis: 'legitimate-interests', verified: true },
    { key: 'gerard', givenName: 'Gerard', familyName: 'Bos', source: 'Bestuurssamenstelling huurdersvereniging (met toestemming)', legalBasis: 'consent', verified: true },
    { key: 'fatma', givenName: 'Fatma', familyName: 'Kaya', source: 'Website Gemeente IJsselstein', legalBasis: 'legitimate-interests', verified: true },
    { key: 'peter', givenName: 'Peter', tussenvoegsel: 'de', familyName: 'Graaf', source: 'Website Gemeente Vijfheerenlanden', legalBasis: 'legitimate-interests', verified: false },
    { key: 'annelies', givenName: 'Annelies', familyName: 'Vos', source: 'Benoemingsbesluit Raad van Commissarissen', legalBasis: 'contract', verified: true },
    { key: 'henk', givenName: 'Henk', familyName: 'Wouters', source: 'Correspondentie Autoriteit woningcorporaties', legalBasis: 'legitimate-interests', verified: false },
    { key: 'saskia', givenName: 'Saskia', familyName: 'Meijer', source: 'Convenant vroegsignalering (contactpersonen)', legalBasis: 'legitimate-interests', verified: true },
    {
      key: 'kees', givenName: 'Kees', familyName: 'Brouwer', email: 'kees.brouwer@mail.example', phone: '06 1234 5678', street: 'Batauplein',
      houseNumber: '27', postcode: '3431 GD', city: 'Nieuwegein', source: 'Aanmelding bewonersavond', legalBasis: 'consent', verified: false,
    },
    { key: 'mehmet', givenName: 'Mehmet', familyName: 'Yılmaz', email: 'm.yilmaz@mail.example', phone: '06 2345 6789', source: 'Huurdersadministratie', legalBasis: 'contract', verified: true },
    { key: 'ayse', givenName: 'Ayşe', familyName: 'Yılmaz', source: 'Huurdersadministratie', legalBasis: 'contract', verified: true },
    { key: 'jan', givenName: 'Jan', tussenvoegsel: 'de', familyName: 'Vries', phone: '030 604 1122', source: 'Huurdersadministratie', legalBasis: 'contract', verified: false },
    { key: 'wilma', givenName: 'Wilma', tussenvoegsel: 'de', familyName: 'Vries', source: 'Huurdersadministratie', legalBasis: 'contract', verified: false },
  ],
  positions: [
    ['marieke', 'gem-nieuwegein', 'Wethouder Wonen, Onderwijs en Werk', on(ctx, -3, '05-12'), null, 'm.vanderlinden@nieuwegein.example'],
    ['marieke', 'huurders', 'Bestuurslid', on(ctx, -10, '01-01'), on(ctx, -3, '04-30')],
    ['gerard', 'huurders', 'Voorzitter', on(ctx, -5, '06-01'), null, 'voorzitter@huurdersvereniginglekstroom.example'],
    ['gerard', 'bewonerscommissie', 'Lid', on(ctx, -8, '01-01'), null],
    ['fatma', 'gem-ijsselstein', 'Wethouder Wonen en Ruimte', on(ctx, -3, '05-20'), null],
    ['peter', 'gem-vijfheerenlanden', 'Wethouder Volkshuisvesting', on(ctx, -3, '06-01'), null],
    ['annelies', 'rvc', 'Voorzitter', on(ctx, -4, '07-01'), null],
    ['henk', 'aw', 'Senior toezichthouder', null, null],
    ['saskia', 'wijkteam', 'Coördinator', on(ctx, -2, '01-01'), null, 's.meijer@wijkteamnieuwegein.example'],
  ],
  households: [
    {
      key: 'yilmaz', name: 'Familie Yılmaz', street: 'Batauplein', houseNumber: '12', postcode: '3431 GE', city: 'Nieuwegein', segment: 'Gezin met kinderen',
      source: 'Huurdersadministratie', verified: true, members: [['mehmet', 'hoofdhuurder'], ['ayse', 'medehuurder']],
    },
    {
      key: 'devries', name: 'Familie de Vries', street: 'Lekboulevard', houseNumber: '40', postcode: '3433 AK', city: 'Nieuwegein', segment: 'Senioren',
      source: 'Huurdersadministratie', verified: false, members: [['jan', 'hoofdhuurder'], ['wilma', 'medehuurder']],
    },
  ],
  stakeholders: [
    { party: 'gem-nieuwegein', category: 'government', tier: 'a', owner: 'manager', tierRationale: 'Grootste werkgebied; partner in de prestatieafspraken', assessments: [[410, 5, 5, true, false], [40, 5, 5, true, true, 'Nieuwe woonvisie: druk op de nieuwbouwaantallen']] },
    { party: 'gem-ijsselstein', category: 'government', tier: 'a', owner: 'manager', assessments: [[200, 4, 4, true, false]] },
    { party: 'gem-vijfheerenlanden', category: 'government', tier: 'b', owner: 'secretary', assessments: [[220, 3, 3, true, false]] },
    { party: 'huurders', category: 'client-representation', tier: 'a', owner: 'manager', description: 'Erkende huurdersorganisatie in de zin van de Overlegwet.', assessments: [[390, 3, 5, true, false], [30, 4, 5, true, true, 'Advies over de huurverhoging en de verduurzaming']] },
    { party: 'aw', category: 'regulator', tier: 'a', owner: 'manager', assessments: [[180, 5, 3, true, false]] },
    { party: 'wsw', category: 'funder', tier: 'a', owner: 'manager', assessments: [[250, 4, 2, true, false]] },
    { party: 'bzk', category: 'government', tier: 'b', owner: 'manager', assessments: [[300, 4, 1, true, false]] },
    { party: 'aedes', category: 'field', tier: 'b', owner: 'secretary', assessments: [[300, 2, 2, true, false]] },
    { party: 'rvc', category: 'regulator', tier: 'a', owner: 'manager', description: 'Intern toezicht; ontvangt de kwartaalrapportages.', assessments: [[120, 5, 4, true, false]] },
    { party: 'or', category: 'works-council', tier: 'a', owner: 'manager', assessments: [[150, 3, 4, true, false]] },
    { party: 'lekzorg', category: 'partner', tier: 'b', owner: 'secretary', assessments: [[140, 2, 4, true, false]] },
    { party: 'wijkteam', category: 'partner', tier: 'b', owner: 'secretary', assessments: [[90, 2, 4, true, true]] },
    { party: 'bewonerscommissie', category: 'client-representation', tier: 'c', owner: 'secretary', assessments: [[60, 1, 4, true, true]] },
    { party: 'bouwcombinatie', category: 'supplier', tier: 'b', owner: 'manager', assessments: [[200, 2, 3, false, false]] },
    { party: 'energie', category: 'community', tier: 'c', owner: 'secretary' },
    { party: 'person:kees', category: 'community', tier: 'c', owner: 'secretary', description: 'Actieve bewoner; meldt overlast in Batau-Noord.', assessments: [[25, 1, 3, false, true]] },
    { party: 'household:yilmaz', category: 'community', tier: 'c', owner: 'secretary', assessments: [[30, 1, 5, true, true, 'Vochtklachten; een kind met astma']] },
    { party: 'household:devries', category: 'community', tier: 'c', owner: 'secretary' },
  ],
  themes: ['Betaalbaarheid', 'Verduurzaming', 'Leefbaarheid', 'Nieuwbouw en beschikbaarheid', 'Wonen en zorg', 'Huurdersparticipatie'],
  interests: [
    ['gem-nieuwegein', 'nieuwbouw-nwg', 'Nieuwbouw van 400 sociale huurwoningen vóór 2030', 'Nieuwbouw en beschikbaarheid', 'high', on(ctx, -2, '01-01'), 'active'],
    ['gem-nieuwegein', 'vroegsignalering', 'Vroegsignalering van huurachterstanden', 'Betaalbaarheid', 'high', on(ctx, -1, '01-01'), 'active'],
    ['gem-ijsselstein', 'nieuwbouw-ijs', 'Sociale huur in het nieuwbouwplan Zenderpark', 'Nieuwbouw en beschikbaarheid', 'medium', on(ctx, -1, '04-01'), 'active'],
    ['huurders', 'huurbeleid', 'Gematigde huurverhoging', 'Betaalbaarheid', 'high', on(ctx, -3, '01-01'), 'active'],
    ['huurders', 'verduurzaming-huurders', 'Verduurzaming zonder stijging van de woonlasten', 'Verduurzaming', 'high', on(ctx, -2, '01-01'), 'active'],
    ['huurders', 'participatie', 'Vroegtijdige betrokkenheid bij beleid', 'Huurdersparticipatie', 'medium', on(ctx, -3, '01-01'), 'addressed'],
    ['aw', 'governance', 'Goed bestuur en financiële continuïteit', null, 'high', on(ctx, -3, '01-01'), 'active'],
    ['wsw', 'borging', 'Borgbaarheid van nieuwe leningen', null, 'medium', on(ctx, -2, '01-01'), 'active'],
    ['lekzorg', 'zorgwoningen', 'Geschikte woningen voor cliënten met begeleiding', 'Wonen en zorg', 'high', on(ctx, -1, '02-01'), 'active'],
    ['wijkteam', 'achterstanden', 'Huurders met betalingsachterstand snel in beeld', 'Betaalbaarheid', 'high', on(ctx, -1, '01-01'), 'active'],
    ['bewonerscommissie', 'leefbaarheid-batau', 'Schone en veilige portieken in Batau-Noord', 'Leefbaarheid', 'medium', on(ctx, -1, '05-01'), 'active'],
    ['yilmaz', 'vocht', 'Vocht- en schimmelproblemen in de woning', 'Leefbaarheid', 'high', on(ctx, 0, '01-01'), 'active'],
    ['devries', 'gelijkvloers', 'Gelijkvloers wonen op oudere leeftijd', 'Wonen en zorg', 'medium', on(ctx, -1, '09-01'), 'active'],
    ['energie', 'zonnepanelen', 'Zonnepanelen op de daken van huurwoningen', 'Verduurzaming', 'medium', on(ctx, -1, '03-01'), 'active'],
    ['kees', 'overlast', 'Overlast in de buurt', 'Leefbaarheid', 'low', on(ctx, 0, '01-01'), 'active'],
    ['or', 'klantcontact', 'Gevolgen van de reorganisatie klantcontact', null, 'medium', on(ctx, -1, '06-01'), 'active'],
  ],
  engagements: [
    {
      key: 'tripartiet', daysAgo: 300, channel: 'meeting', direction: 'mutual', subject: 'Tripartiet overleg prestatieafspraken Nieuwegein',
      summary: 'Gemeente, huurdersvereniging en Lekstroom zijn het eens over de nieuwbouwopgave en de huurgrenzen voor de komende jaren.',
      stakeholders: ['gem-nieuwegein', 'huurders'], participants: ['position:marieke@gem-nieuwegein', 'position:gerard@huurders'], interests: ['nieuwbouw-nwg', 'huurbeleid'],
      followUp: { text: 'Concept-prestatieafspraken rondsturen aan gemeente en huurdersvereniging', owner: 'manager', dueIn: -280, done: true },
    },
    {
      key: 'huurverhoging', daysAgo: 90, channel: 'meeting', direction: 'mutual', subject: 'Overleg met de huurdersvereniging over de jaarlijkse huurverhoging',
      summary: 'De huurdersvereniging adviseert een lagere verhoging voor de laagste inkomens.',
      stakeholders: ['huurders'], participants: ['position:gerard@huurders'], interests: ['huurbeleid'],
      followUp: { text: 'Schriftelijk reageren op het advies van de huurdersvereniging', owner: 'manager', dueIn: -30 },
    },
    {
      key: 'aw-inspectie', daysAgo: 60, channel: 'meeting', direction: 'inbound', subject: 'Governance-inspectie Autoriteit woningcorporaties',
      summary: 'De Aw vraagt om aanvullende stukken over het integriteitsbeleid en de zelfevaluatie van de RvC.',
      stakeholders: ['aw'], participants: ['position:henk@aw'], interests: ['governance'],
      followUp: { text: 'Aanvullende stukken over het integriteitsbeleid aanleveren', owner: 'manager', dueIn: 21 },
    },
    {
      key: 'huisbezoek-yilmaz', daysAgo: 30, channel: 'site-visit', direction: 'outbound', subject: 'Huisbezoek Familie Yılmaz: vocht en schimmel',
      summary: 'Schimmel in de slaapkamers; ventilatie werkt onvoldoende.',
      stakeholders: ['yilmaz'], participants: ['person:mehmet', 'person:ayse'], interests: ['vocht'],
      followUp: { text: 'Vochtonderzoek laten uitvoeren en de bewoners informeren', owner: 'secretary', dueIn: -3 },
      confirmParticipants: true,
    },
    {
      key: 'wijkschouw', daysAgo: 14, channel: 'site-visit', direction: 'mutual', subject: 'Wijkschouw Batau-Noord',
      summary: 'Vervuilde portieken en een kapotte portiekverlichting; het wijkteam kent twee gezinnen met achterstanden.',
      stakeholders: ['bewonerscommissie', 'wijkteam', 'kees'], participants: ['person:kees', 'position:saskia@wijkteam', 'position:gerard@bewonerscommissie'],
      interests: ['leefbaarheid-batau', 'overlast'],
      followUp: { text: 'Schoonmaakrooster van de portieken aanpassen', owner: 'secretary', dueIn: -7, done: true },
    },
    {
      key: 'bewonersavond', daysAgo: 7, channel: 'event', direction: 'outbound', subject: 'Bewonersavond verduurzaming Lekboulevard',
      summary: 'Uitleg over isolatie en zonnepanelen; zorgen over overlast tijdens de werkzaamheden.',
      stakeholders: ['devries', 'energie', 'huurders'], participants: ['person:jan'], interests: ['verduurzaming-huurders', 'zonnepanelen', 'gelijkvloers'],
      followUp: { text: 'Planning van de isolatiewerkzaamheden per portiek publiceren', owner: 'manager', dueIn: 30 },
    },
    {
      key: 'wsw-borging', daysAgo: 3, channel: 'phone', direction: 'inbound', subject: 'Telefonisch overleg WSW over de borgingsruimte',
      summary: 'Het WSW bevestigt voldoende borgingsruimte voor de nieuwbouw van dit jaar.',
      stakeholders: ['wsw'], participants: [], interests: ['borging'],
    },
    {
      key: 'vroegsignalering', daysAgo: 45, channel: 'meeting', direction: 'mutual', subject: 'Overleg vroegsignalering met gemeente en wijkteam',
      summary: 'Signalen over huurachterstanden gaan voortaan binnen vijf werkdagen naar het wijkteam.',
      stakeholders: ['gem-nieuwegein', 'wijkteam'], participants: ['position:saskia@wijkteam'], interests: ['vroegsignalering', 'achterstanden'],
      followUp: { text: 'Werkinstructie vroegsignalering aanpassen', owner: 'secretary', dueIn: -20, done: true },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Zorggroep Amstelhof: elderly care in Amstelveen

export const amstelhofRegister = (ctx: DemoContext): RegisterData => ({
  organisations: [
    { key: 'clientenraad', name: 'Centrale Cliëntenraad Zorggroep Amstelhof', kind: 'client-council', city: 'Amstelveen', source: 'Eigen organisatie' },
    { key: 'or', name: 'Ondernemingsraad Zorggroep Amstelhof', kind: 'works-council', city: 'Amstelveen', source: 'Eigen organisatie' },
    { key: 'var', name: 'Verpleegkundige Adviesraad Zorggroep Amstelhof', kind: 'other', city: 'Amstelveen', source: 'Eigen organisatie' },
    { key: 'rvt', name: 'Raad van Toezicht Zorggroep Amstelhof', kind: 'other', city: 'Amstelveen', source: 'Eigen organisatie' },
    { key: 'vrijwilligersraad', name: 'Vrijwilligersraad Zorggroep Amstelhof', kind: 'other', city: 'Amstelveen', source: 'Eigen organisatie' },
    { key: 'zorgkantoor', name: 'Zorgkantoor Zilveren Kruis', kind: 'funder' },
    { key: 'gem-amstelveen', name: 'Gemeente Amstelveen', kind: 'municipality', city: 'Amstelveen' },
    { key: 'igj', name: 'Inspectie Gezondheidszorg en Jeugd (IGJ)', kind: 'regulator', city: 'Utrecht' },
    { key: 'cibg', name: 'CIBG (uitvoeringsorganisatie van VWS)', kind: 'other', city: 'Den Haag' },
    { key: 'nza', name: 'Nederlandse Zorgautoriteit (NZa)', kind: 'regulator', city: 'Utrecht' },
    { key: 'ziekenhuis', name: 'Amstelland Ziekenhuis', kind: 'healthcare-provider', city: 'Amstelveen' },
    { key: 'huisartsen', name: 'Huisartsenkring Amstelveen', kind: 'association', city: 'Amstelveen', verified: false },
    { key: 'actiz', name: 'ActiZ', kind: 'association', city: 'Utrecht' },
    { key: 'seniorenraad', name: 'Seniorenraad Amstelveen', kind: 'interest-group', city: 'Amstelveen' },
    { key: 'mantelzorg', name: 'Steunpunt Mantelzorg Amstelveen', kind: 'interest-group', city: 'Amstelveen', verified: false },
    { key: 'zorgacademie', name: 'Zorgacademie Amstelland', kind: 'school', city: 'Amstelveen', kvkNumber: '81234560', website: 'https://www.zorgacademieamstelland.example' },
  ],
  persons: [
    { key: 'wouter', givenName: 'Wouter', familyName: 'Kramer', source: 'Eigen opgave als voorzitter cliëntenraad', legalBasis: 'consent', verified: true },
    { key: 'monique', givenName: 'Monique', familyName: 'Hendriks', source: 'Verkiezingsuitslag ondernemingsraad', legalBasis: 'legitimate-interests', verified: true },
    { key: 'ria', givenName: 'Ria', familyName: 'Jansen', source: 'Verkiezingsuitslag VAR', legalBasis: 'legitimate-interests', verified: true },
    { key: 'joost', givenName: 'Joost', tussenvoegsel: 'van den', familyName: 'Berg', source: 'Correspondentie zorgkantoor', legalBasis: 'legitimate-interests', verified: true },
    { key: 'erik', givenName: 'Erik', tussenvoegsel: 'van', familyName: 'Leeuwen', initials: 'E.J.', source: 'Website Amstelland Ziekenhuis', legalBasis: 'legitimate-interests', verified: false },
    { key: 'liesbeth', givenName: 'Liesbeth', familyName: 'Mol', source: 'Benoemingsbesluit Raad van Toezicht', legalBasis: 'contract', verified: true },
    { key: 'bart', givenName: 'Bart', familyName: 'Scholten', source: 'Ledenlijst huisartsenkring', legalBasis: 'legitimate-interests', verified: false },
  ],
  positions: [
    ['wouter', 'clientenraad', 'Voorzitter', on(ctx, -2, '01-01'), null, 'clientenraad@amstelhof.example'],
    ['wouter', 'seniorenraad', 'Secretaris', on(ctx, -4, '03-01'), null],
    ['wouter', 'gem-amstelveen', 'Lid Wmo-adviesraad', on(ctx, -8, '01-01'), on(ctx, -2, '12-31')],
    ['monique', 'or', 'Voorzitter', on(ctx, -3, '01-01'), null, 'or@amstelhof.example'],
    ['ria', 'var', 'Voorzitter', on(ctx, -2, '06-01'), null],
    ['joost', 'zorgkantoor', 'Zorginkoper langdurige zorg', null, null, 'j.vandenberg@zorgkantoor.example'],
    ['erik', 'ziekenhuis', 'Voorzitter Raad van Bestuur', on(ctx, -5, '01-01'), null],
    ['liesbeth', 'rvt', 'Voorzitter', on(ctx, -3, '07-01'), null],
    ['bart', 'huisartsen', 'Voorzitter', on(ctx, -4, '01-01'), null],
  ],
  households: [],
  stakeholders: [
    { party: 'clientenraad', category: 'client-representation', tier: 'a', owner: 'secretary', description: 'Centrale cliëntenraad in de zin van de Wmcz 2018.', assessments: [[400, 3, 5, true, false], [35, 4, 5, true, true, 'Verzwaard adviesrecht op de nieuwbouw van locatie Westwijk']] },
    { party: 'or', category: 'works-council', tier: 'a', owner: 'manager', assessments: [[150, 3, 5, true, true]] },
    { party: 'var', category: 'works-council', tier: 'b', owner: 'secretary', assessments: [[150, 2, 4, true, false]] },
    { party: 'rvt', category: 'regulator', tier: 'a', owner: 'manager', description: 'Intern toezicht; ontvangt de kwartaalrapportages.', assessments: [[110, 5, 4, true, false]] },
    { party: 'vrijwilligersraad', category: 'community', tier: 'c', owner: 'secretary', assessments: [[200, 1, 3, true, false]] },
    { party: 'zorgkantoor', category: 'funder', tier: 'a', owner: 'manager', tierRationale: 'Financiert het grootste deel van de zorg (Wlz)', assessments: [[380, 5, 4, true, false], [55, 5, 5, true, true, 'Productieplafond bereikt; de wachtlijst groeit']] },
    { party: 'gem-amstelveen', category: 'government', tier: 'a', owner: 'manager', assessments: [[160, 4, 3, true, false]] },
    { party: 'igj', category: 'regulator', tier: 'a', owner: 'manager', assessments: [[45, 5, 4, true, true, 'Bezoek na een calamiteitenmelding']] },
    { party: 'cibg', category: 'regulator', tier: 'c', owner: 'secretary', assessments: [[300, 3, 1, true, false]] },
    { party: 'nza', category: 'regulator', tier: 'b', owner: 'manager', assessments: [[300, 4, 2, true, false]] },
    { party: 'ziekenhuis', category: 'partner', tier: 'a', owner: 'manager', assessments: [[120, 4, 4, true, false]] },
    { party: 'huisartsen', category: 'partner', tier: 'b', owner: 'secretary', assessments: [[140, 2, 4, true, false]] },
    { party: 'actiz', category: 'field', tier: 'b', owner: 'manager', assessments: [[300, 2, 2, true, false]] },
    { party: 'seniorenraad', category: 'community', tier: 'c', owner: 'secretary', assessments: [[220, 1, 4, true, false]] },
    { party: 'mantelzorg', category: 'community', tier: 'c', owner: 'secretary' },
    { party: 'zorgacademie', category: 'field', tier: 'b', owner: 'secretary', assessments: [[180, 2, 4, true, false]] },
  ],
  themes: ['Kwaliteit en veiligheid van zorg', 'Personeel en arbeidsmarkt', 'Cliëntenparticipatie', 'Wachtlijsten en toegang', 'Samenwerking in de regio', 'Financiële gezondheid'],
  interests: [
    ['clientenraad', 'westwijk', 'Inspraak bij de nieuwbouw van locatie Westwijk', 'Cliëntenparticipatie', 'high', on(ctx, -1, '02-01'), 'active'],
    ['clientenraad', 'maaltijden', 'Kwaliteit van de maaltijden', 'Kwaliteit en veiligheid van zorg', 'medium', on(ctx, -2, '01-01'), 'addressed'],
    ['or', 'roosters', 'Roosterzekerheid en werkdruk', 'Personeel en arbeidsmarkt', 'high', on(ctx, -1, '01-01'), 'active'],
    ['var', 'professionele-ruimte', 'Zeggenschap van verpleegkundigen over werkprocessen', 'Personeel en arbeidsmarkt', 'medium', on(ctx, -2, '06-01'), 'active'],
    ['zorgkantoor', 'productie', 'Levering binnen het productieplafond', 'Financiële gezondheid', 'high', on(ctx, -1, '01-01'), 'active'],
    ['zorgkantoor', 'wachtlijst', 'Wachtlijst verpleeghuiszorg', 'Wachtlijsten en toegang', 'high', on(ctx, -1, '01-01'), 'active'],
    ['gem-amstelveen', 'doorstroom', 'Doorstroom van thuis naar het verpleeghuis', 'Samenwerking in de regio', 'medium', on(ctx, -2, '01-01'), 'active'],
    ['igj', 'medicatie', 'Medicatieveiligheid', 'Kwaliteit en veiligheid van zorg', 'high', on(ctx, 0, '01-01'), 'active'],
    ['ziekenhuis', 'transfer', 'Snelle transfer van ouderen na een ziekenhuisopname', 'Samenwerking in de regio', 'high', on(ctx, -2, '01-01'), 'active'],
    ['huisartsen', 'elv', 'Beschikbaarheid van eerstelijnsverblijf (ELV)', 'Samenwerking in de regio', 'medium', on(ctx, -1, '01-01'), 'active'],
    ['seniorenraad', 'informatie', 'Heldere informatie over wachttijden', 'Wachtlijsten en toegang', 'medium', on(ctx, -1, '09-01'), 'active'],
    ['zorgacademie', 'instroom', 'Instroom van leerlingen verzorgende IG', 'Personeel en arbeidsmarkt', 'medium', on(ctx, -2, '09-01'), 'active'],
    ['mantelzorg', 'respijt', 'Respijtzorg voor mantelzorgers', 'Samenwerking in de regio', 'low', on(ctx, -1, '01-01'), 'active'],
    ['rvt', 'rvt-inzicht', 'Elk kwartaal inzicht in kwaliteit en financiën', 'Financiële gezondheid', 'high', on(ctx, -3, '01-01'), 'active'],
  ],
  engagements: [
    {
      key: 'clientenraad-westwijk', daysAgo: 180, channel: 'meeting', direction: 'mutual', subject: 'Overlegvergadering Centrale Cliëntenraad: nieuwbouw Westwijk',
      summary: 'De cliëntenraad wil vanaf het programma van eisen meedenken over de nieuwbouw.',
      stakeholders: ['clientenraad'], participants: ['position:wouter@clientenraad'], interests: ['westwijk'],
      followUp: { text: 'Adviesaanvraag nieuwbouw Westwijk aan de cliëntenraad sturen', owner: 'secretary', dueIn: -150, done: true },
    },
    {
      key: 'inkoopgesprek', daysAgo: 100, channel: 'meeting', direction: 'mutual', subject: 'Inkoopgesprek Wlz met het zorgkantoor',
      summary: 'Het productieplafond is bereikt; het zorgkantoor staat open voor een onderbouwd verzoek om extra ruimte.',
      stakeholders: ['zorgkantoor'], participants: ['position:joost@zorgkantoor'], interests: ['productie', 'wachtlijst'],
      followUp: { text: 'Verzoek om aanvullende productieruimte indienen', owner: 'manager', dueIn: -15 },
    },
    {
      key: 'igj-bezoek', daysAgo: 45, channel: 'site-visit', direction: 'inbound', subject: 'Bezoek IGJ na een calamiteitenmelding',
      summary: 'De IGJ verwacht een verbeterplan voor de dubbele controle bij risicovolle medicatie.',
      stakeholders: ['igj'], participants: [], interests: ['medicatie'],
      followUp: { text: 'Verbeterplan medicatieveiligheid naar de IGJ sturen', owner: 'manager', dueIn: 14 },
    },
    {
      key: 'transferoverleg', daysAgo: 20, channel: 'video-call', direction: 'mutual', subject: 'Transferoverleg met Amstelland Ziekenhuis en de huisartsen',
      summary: 'Afspraken over opnames in het weekend en de beschikbaarheid van ELV-bedden.',
      stakeholders: ['ziekenhuis', 'huisartsen'], participants: ['position:erik@ziekenhuis', 'position:bart@huisartsen'], interests: ['transfer', 'elv'],
      followUp: { text: 'Afspraken over weekendopnames vastleggen', owner: 'secretary', dueIn: -5, done: true },
    },
    {
      key: 'or-roosters', daysAgo: 10, channel: 'meeting', direction: 'mutual', subject: 'Overleg met de OR over het roosterbeleid',
      summary: 'De OR vraagt om roosters die zes weken vooraf vastliggen.',
      stakeholders: ['or'], participants: ['position:monique@or'], interests: ['roosters'],
      followUp: { text: 'Voorstel roosterzekerheid uitwerken met de OR', owner: 'manager', dueIn: 20 },
      confirmParticipants: true,
    },
    {
      key: 'vrijwilligersraad', daysAgo: 4, channel: 'meeting', direction: 'mutual', subject: 'Bijeenkomst Vrijwilligersraad',
      summary: 'Jaarplanning van de activiteiten en de onkostenvergoeding besproken.',
      stakeholders: ['vrijwilligersraad'], participants: [], interests: [],
    },
    {
      key: 'seniorenraad-avond', daysAgo: 60, channel: 'event', direction: 'outbound', subject: 'Informatieavond wachtlijsten met de Seniorenraad',
      summary: 'Uitleg over wachttijden en overbruggingszorg; veel vragen over de nieuwbouw.',
      stakeholders: ['seniorenraad', 'clientenraad'], participants: ['position:wouter@seniorenraad'], interests: ['informatie'],
    },
  ],
});

export const REGISTERS: Record<InstitutionKey, (ctx: DemoContext) => RegisterData> = {
  vecht: vechtRegister,
  lekstroom: lekstroomRegister,
  amstelhof: amstelhofRegister,
};
