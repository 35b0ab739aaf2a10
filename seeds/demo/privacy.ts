import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import {
  closeRequest, extendRequest, logRequest, openPortalLink, proposeCorrection, sendPortalLink, setLegalHold, startRequest,
} from '~/modules/privacy/mutations.server';
import { CORRECTABLE_FIELDS, type CorrectableField, type RequestKind } from '~/modules/privacy/rules';
import { correctionSchema } from '~/modules/privacy/schema';
import { DataSubjectRequest, Person } from '~/utils/db.server';
import { ago, ref, type DemoContext, type InstitutionKey } from './context';
import { DEMO_INSTITUTIONS } from './institutions-and-accounts';

/**
 * Privacy (AVG) for the demo, through the privacy mutations: each institution has answered an
 * access request, has a rectification due within days and an extended request; Vecht College has
 * one past its deadline (so the dashboard shows it) and a contact's correction from the portal
 * waiting for review; Woonstichting Lekstroom holds a tenant's data for a pending dispute.
 *
 * The days are chosen so the picture holds on any today: a request received 25 days ago is due in
 * 3–6 days whatever the month lengths, one received 45 days ago is 14–17 days overdue, and one
 * received 20 days ago is still within its first month, when an extension may be announced.
 */

type RequestSpec = {
  kind: RequestKind;
  /** A person of the directory (by key), or someone not in it, by name. */
  who: { person: string } | { requester: string };
  receivedDaysAgo: number;
  started?: boolean;
  extension?: string;
  closed?: { daysAgo: number; status: 'completed' | 'refused'; outcome: string };
};

const REQUESTS: Record<InstitutionKey, RequestSpec[]> = {
  vecht: [
    {
      kind: 'access', who: { person: 'johan' }, receivedDaysAgo: 70,
      closed: { daysAgo: 52, status: 'completed', outcome: 'Overzicht van de vastgelegde gegevens (functies, contactmomenten, bron en grondslag) per e-mail verstuurd; geen vervolgvragen.' },
    },
    { kind: 'rectification', who: { person: 'ahmed' }, receivedDaysAgo: 25, started: true },
    // Past its deadline: what the dashboard's privacy card and the "overdue" filter show.
    { kind: 'erasure', who: { requester: 'Oud-student S. de Bruijn' }, receivedDaysAgo: 45, started: true },
    {
      kind: 'portability', who: { person: 'hans' }, receivedDaysAgo: 20,
      extension: 'De gevraagde gegevens staan ook in het archief van de Raad van Toezicht (2019–2022), dat eerst gedigitaliseerd moet worden; de aanvrager is op de hoogte gebracht.',
    },
  ],
  lekstroom: [
    {
      kind: 'access', who: { person: 'kees' }, receivedDaysAgo: 90,
      closed: { daysAgo: 68, status: 'completed', outcome: 'Inzageoverzicht (gegevens, deelname bewonersavonden, bron: aanmelding) per post verstuurd naar het huisadres.' },
    },
    {
      kind: 'erasure', who: { person: 'jan' }, receivedDaysAgo: 60,
      closed: { daysAgo: 40, status: 'refused', outcome: 'Verwijdering is geweigerd zolang de procedure bij de Huurcommissie loopt (art. 17 lid 3 sub e AVG); de gegevens worden daarna verwijderd. Betrokkene is gewezen op de klachtmogelijkheid bij de Autoriteit Persoonsgegevens.' },
    },
    { kind: 'rectification', who: { person: 'mehmet' }, receivedDaysAgo: 25 },
    {
      kind: 'access', who: { requester: 'Bewonerscommissie Batau-Noord (namens mevr. R. Pinas)' }, receivedDaysAgo: 20, started: true,
      extension: 'Voor het verzoek moeten ook de dossiers van de wijkconsulenten worden doorzocht; door het aantal betrokken afdelingen is meer tijd nodig.',
    },
  ],
  amstelhof: [
    {
      kind: 'access', who: { person: 'wouter' }, receivedDaysAgo: 50,
      closed: { daysAgo: 30, status: 'completed', outcome: 'Overzicht besproken in een gesprek met de secretaris en op papier meegegeven.' },
    },
    { kind: 'rectification', who: { person: 'bart' }, receivedDaysAgo: 25, started: true },
    {
      kind: 'objection', who: { person: 'erik' }, receivedDaysAgo: 20,
      extension: 'Het bezwaar raakt de transferafspraken met het ziekenhuis; de afweging van het gerechtvaardigd belang vraagt overleg met de functionaris gegevensbescherming van beide organisaties.',
    },
  ],
};

/** The tenant whose data Lekstroom keeps while the rent dispute runs (the refused erasure above). */
const LEGAL_HOLD = {
  key: 'lekstroom' as const, person: 'jan',
  reason: 'Lopende procedure bij de Huurcommissie over de servicekosten; gegevens bewaren tot de uitspraak onherroepelijk is.',
};

/** A contact who followed the portal link and proposed corrections, waiting for the secretary. */
const CORRECTION: { key: InstitutionKey; person: string; position: string; changes: Partial<Record<CorrectableField | 'message', string>> } = {
  key: 'vecht', person: 'linda', position: 'linda@duo',
  changes: {
    initials: 'L.M.', phone: '050 599 9000',
    message: 'Mijn voorletters ontbraken; het telefoonnummer is dat van het accountteam mbo, daar ben ik het best bereikbaar.',
  },
};

async function seedRequests(ctx: DemoContext, key: InstitutionKey): Promise<number> {
  const refs = ctx.institutions[key];
  const institutionId = refs.id;
  for (const spec of REQUESTS[key]) {
    const who = 'person' in spec.who ? { personId: ref(refs.persons, spec.who.person) } : { requester: spec.who.requester };
    const { id: requestId } = await logRequest(SYSTEM_ACTOR, { institutionId, kind: spec.kind, receivedOn: ago(ctx, spec.receivedDaysAgo), ...who }, ctx.today);
    // Each step bumps the row's version; read it back rather than counting steps.
    const version = async () => (await DataSubjectRequest.findByPk(requestId, { rejectOnEmpty: true })).version;
    if (spec.started) await startRequest(SYSTEM_ACTOR, { institutionId, requestId, version: await version() });
    if (spec.extension) await extendRequest(SYSTEM_ACTOR, { institutionId, requestId, version: await version(), reason: spec.extension }, ctx.today);
    if (spec.closed) {
      const { daysAgo, status, outcome } = spec.closed;
      await closeRequest(SYSTEM_ACTOR, { institutionId, requestId, version: await version(), status, outcome, closedOn: ago(ctx, daysAgo) }, ctx.today);
    }
  }
  return REQUESTS[key].length;
}

/** The portal as the contact uses it: the link is mailed (to the outbox), followed once, and the proposal made as the portal actor. */
async function seedCorrection(ctx: DemoContext): Promise<void> {
  const refs = ctx.institutions[CORRECTION.key];
  const personId = ref(refs.persons, CORRECTION.person);
  const { link } = await sendPortalLink(SYSTEM_ACTOR, {
    institutionId: refs.id, personId, address: { kind: 'position', positionId: ref(refs.positions, CORRECTION.position) },
  }, ctx.today);
  const opened = await openPortalLink(decodeURIComponent(new URL(link).pathname.split('/').pop()!));
  if (opened.state !== 'valid') throw new Error(`demo data: the portal link did not open (${opened.state})`);
  // The portal's form shows every field filled in; the contact edits some and submits them all.
  const person = await Person.findByPk(personId, { rejectOnEmpty: true });
  const typed = { ...Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, person[f] ?? ''])), ...CORRECTION.changes };
  await proposeCorrection({ linkId: opened.linkId, institutionId: refs.id, personId }, correctionSchema.parse(typed));
}

export async function seedPrivacy(ctx: DemoContext): Promise<void> {
  for (const key of Object.keys(REQUESTS) as InstitutionKey[]) {
    const count = await seedRequests(ctx, key);
    ctx.log(`${DEMO_INSTITUTIONS[key].name}: ${count} data-subject requests`);
  }
  await setLegalHold(SYSTEM_ACTOR, { institutionId: ctx.institutions[LEGAL_HOLD.key].id, personId: ref(ctx.institutions[LEGAL_HOLD.key].persons, LEGAL_HOLD.person), reason: LEGAL_HOLD.reason });
  await seedCorrection(ctx);
  ctx.log(`privacy: a legal hold at ${DEMO_INSTITUTIONS[LEGAL_HOLD.key].name}, a portal correction waiting at ${DEMO_INSTITUTIONS[CORRECTION.key].name}`);
}
