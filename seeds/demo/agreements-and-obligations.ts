import { addAgreementDocument, changeAgreementStatus, createAgreement } from '~/modules/agreements/mutations.server';
import type { AgreementDirection, AgreementKind } from '~/modules/agreements/rules';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { createObligation, recordRendering, waiveMoment } from '~/modules/obligations/mutations.server';
import { periodLabel, type ObligationForm, type Recurrence, type ReportsOn } from '~/modules/obligations/rules';
import { Agreement, ReportingMoment } from '~/utils/db.server';
import { addDays, compareDays, minDay, yearOf, type Day } from '~/utils/dates';
import { adoptedProvisions } from './compliance';
import { ahead, on, ref, type DemoContext, type InstitutionKey } from './context';

/**
 * Agreements with stakeholders and the obligations to render account, from the calendar of
 * GOVERNANCE-FACTS.md. Each obligation starts on 1 January last year, so its moments run over
 * last year and this year into the horizon; what happened to the past ones is told per
 * obligation, so every status turns up whatever day today is: rendered, rendered late, waived,
 * overdue (past and open), due soon (the monthly submissions fall due within the week) and planned.
 */

type Owner = 'secretary' | 'manager';

type AgreementSpec = {
  key: string; title: string; kind: AgreementKind; direction: AgreementDirection; goals: string; startsOn: Day; endsOn?: Day;
  reviewOn?: Day; owner: Owner; stakeholders: string[]; status: 'draft' | 'active' | 'fulfilled'; documents?: [string, string][];
};

/** What happened to a past moment; moments not named were rendered on time. */
type Fate = 'late' | 'open' | { waive: string };

type ObligationSpec = {
  key: string; title: string; description?: string; forum?: string; stakeholders: string[]; form: ObligationForm; basis: string;
  provisions?: string[]; responsible: Owner; leadTimeDays: number; recurrence: Recurrence; reportsOn: ReportsOn;
  startsOn?: Day; endsOn?: Day; agreement?: string;
  /** Fates of past moments counted back from the most recent one (0). */
  past?: Record<number, Fate>;
  /** Fates of the past moment due in a year relative to this one (-1: last year). */
  inYear?: Record<number, Fate>;
  /** Evidence for a rendered moment: a title and a link, from the period it reports on. */
  evidence?: (period: string, moment: { dueOn: Day; periodEnd: Day }) => [string, string];
  note?: string;
  lateNote?: string;
};

export type CommitmentsData = { agreements: AgreementSpec[]; obligations: ObligationSpec[] };

/**
 * A monthly day that falls due within a week of today, whatever today is: the submission that is
 * due soon. Capped at 28 so the day exists in every month.
 */
function dueWithinAWeek(ctx: DemoContext): number {
  return Math.min(Number(addDays(ctx.today, 6).slice(8, 10)), 28);
}

export async function seedCommitments(ctx: DemoContext, key: InstitutionKey, data: CommitmentsData): Promise<{ moments: number }> {
  const refs = ctx.institutions[key];
  const institutionId = refs.id;
  const actor = SYSTEM_ACTOR;

  for (const a of data.agreements) {
    const { id } = await createAgreement(actor, {
      institutionId, title: a.title, kind: a.kind, direction: a.direction, goals: a.goals, startsOn: a.startsOn, endsOn: a.endsOn,
      reviewOn: a.reviewOn, ownerUserId: refs.staff[a.owner], stakeholderIds: a.stakeholders.map((s) => ref(refs.stakeholders, s)),
    });
    refs.agreements.set(a.key, id);
    for (const [title, url] of a.documents ?? []) await addAgreementDocument(actor, { institutionId, agreementId: id, title, url });
    const steps = a.status === 'draft' ? [] : a.status === 'active' ? (['active'] as const) : (['active', 'fulfilled'] as const);
    for (const status of steps) {
      const { version } = (await Agreement.findByPk(id, { attributes: ['version'] }))!;
      await changeAgreementStatus(actor, { institutionId, agreementId: id, status, version });
    }
  }

  const provisions = await adoptedProvisions(institutionId);
  let moments = 0;
  for (const o of data.obligations) {
    const { id } = await createObligation(actor, {
      institutionId, title: o.title, description: o.description ?? null, stakeholderIds: o.stakeholders.map((s) => ref(refs.stakeholders, s)),
      forum: o.forum ?? null, form: o.form, basis: o.basis, provisionIds: (o.provisions ?? []).map((n) => ref(provisions, n)),
      responsibleUserId: refs.staff[o.responsible], leadTimeDays: o.leadTimeDays, recurrence: o.recurrence,
      startsOn: o.startsOn ?? on(ctx, -1, '01-01'), endsOn: o.endsOn ?? null, reportsOn: o.reportsOn,
      agreementId: o.agreement ? ref(refs.agreements, o.agreement) : null,
    }, ctx.today);
    refs.obligations.set(o.key, id);
    moments += await tellThePast(ctx, key, o, id);
  }
  return { moments };
}

/** Renders, renders late, waives or leaves open each moment due before today, as the spec says. */
async function tellThePast(ctx: DemoContext, key: InstitutionKey, o: ObligationSpec, obligationId: number): Promise<number> {
  const refs = ctx.institutions[key];
  const all = await ReportingMoment.findAll({ where: { obligationId }, order: [['dueOn', 'ASC']] });
  const past = all.filter((m) => compareDays(m.dueOn, ctx.today) < 0);
  const renderedBy = refs.staff[o.responsible];
  // Meetings and dialogues are held on the day; reports go out a few days early.
  const onTime = (dueOn: Day, i: number) => (o.form === 'meeting' || o.form === 'dialogue' ? dueOn : addDays(dueOn, -(2 + (i % 5))));

  for (const [i, moment] of past.entries()) {
    const fromLatest = past.length - 1 - i;
    const fate = o.past?.[fromLatest] ?? o.inYear?.[yearOf(moment.dueOn) - ctx.year];
    const base = { institutionId: refs.id, momentId: moment.id, version: moment.version };
    if (fate === 'open') continue;
    if (fate && typeof fate === 'object') {
      // Waived a few days before it was due, with the reason on the record.
      await waiveMoment(SYSTEM_ACTOR, { ...base, reason: fate.waive }, addDays(moment.dueOn, -3));
      continue;
    }
    const late = fate === 'late';
    const renderedOn = late ? minDay(addDays(moment.dueOn, 9), ctx.today) : onTime(moment.dueOn, i);
    const [title, url] = o.evidence?.(periodLabel(moment.periodStart, moment.periodEnd, 'nl'), moment) ?? [undefined, undefined];
    await recordRendering(SYSTEM_ACTOR, {
      ...base, renderedOn, renderedByUserId: renderedBy,
      note: late ? (o.lateNote ?? 'Later dan gepland uitgebracht.') : (o.note ?? null),
      evidence: url ? { title, url } : undefined,
    }, ctx.today);
  }
  return all.length;
}

// ---------------------------------------------------------------------------------------------
// Shared shapes of the calendar

const quarterlyBoardReport = (board: string, stakeholder: string, basis: string, site: string, extra: Partial<ObligationSpec> = {}): ObligationSpec => ({
  key: 'rvt-kwartaal', title: `Kwartaalrapportage aan de ${board}`, forum: board, stakeholders: [stakeholder], form: 'report', basis,
  description: 'Voortgang op kwaliteit, personeel, financiën en risico’s over het afgelopen kwartaal.',
  responsible: 'secretary', leadTimeDays: 14, recurrence: { kind: 'monthly', interval: 3, day: 15 }, reportsOn: 'previous',
  evidence: (period) => [`Kwartaalrapportage ${period}`, `https://intranet.${site}/bestuur/kwartaalrapportage`],
  lateNote: 'Later verstuurd: de cijfers van de financiële administratie kwamen later binnen.',
  ...extra,
});

const meetingMinutes = (site: string, body: string) => (_period: string, moment: { dueOn: Day }): [string, string] =>
  [`Verslag overlegvergadering ${moment.dueOn}`, `https://intranet.${site}/${body}/verslagen/${moment.dueOn}`];

// ---------------------------------------------------------------------------------------------
// Vecht College

export const vechtCommitments = (ctx: DemoContext): CommitmentsData => ({
  agreements: [
    {
      key: 'kwaliteitsagenda', title: 'Kwaliteitsagenda mbo: resultaatafspraken met OCW', kind: 'funding-condition', direction: 'we-owe',
      goals: 'Minder voortijdig schoolverlaten, betere aansluiting op de regionale arbeidsmarkt en gelijke kansen bij stage; jaarlijkse voortgangsverantwoording.',
      startsOn: on(ctx, -2, '01-01'), endsOn: on(ctx, 1, '12-31'), reviewOn: ahead(ctx, 75), owner: 'manager', stakeholders: ['ocw'], status: 'active',
      documents: [['Resultaatafspraken kwaliteitsagenda (ondertekend)', 'https://www.vechtcollege.example/documenten/kwaliteitsagenda.pdf']],
    },
    {
      key: 'vsv', title: 'Regionaal convenant voortijdig schoolverlaten Utrecht', kind: 'covenant', direction: 'mutual',
      goals: 'Samen met gemeenten en het RMC het aantal voortijdig schoolverlaters terugdringen; verzuim binnen vijf dagen melden.',
      startsOn: on(ctx, -2, '08-01'), reviewOn: ahead(ctx, 21), owner: 'secretary', stakeholders: ['gem-utrecht', 'gem-nieuwegein', 'rmc'], status: 'active',
      documents: [['Convenant VSV regio Utrecht', 'https://www.vechtcollege.example/documenten/convenant-vsv.pdf']],
    },
    {
      key: 'praktijkleren', title: 'Samenwerkingsovereenkomst praktijkleren zorg', kind: 'cooperation', direction: 'mutual',
      goals: 'Veertig BBL-plaatsen verpleegkunde per jaar en gezamenlijke praktijkbegeleiding.',
      startsOn: on(ctx, -3, '09-01'), endsOn: on(ctx, -1, '08-31'), owner: 'secretary', stakeholders: ['zorg-lekvecht'], status: 'fulfilled',
    },
    {
      key: 'ict-campus', title: 'Intentieovereenkomst ICT-campus Utrecht-Zuid', kind: 'cooperation', direction: 'mutual',
      goals: 'Een gezamenlijke leerwerkplaats voor ICT-opleidingen met werkgevers en ROC Rijn en Lek.',
      startsOn: on(ctx, 1, '08-01'), owner: 'manager', stakeholders: ['ict-platform', 'roc-rijnlek'], status: 'draft',
    },
  ],
  obligations: [
    {
      key: 'jaarverslag', title: 'Jaarverslag en jaarrekening', forum: 'DUO', stakeholders: ['duo', 'ocw'], form: 'report',
      description: 'Bestuursverslag met de verantwoording over de Branchecode, jaarrekening en accountantsverklaring; ook op de website.',
      basis: 'WEB art. 2.5.1; Regeling jaarverslaggeving onderwijs', provisions: ['5.1'], responsible: 'manager', leadTimeDays: 90,
      recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' }, reportsOn: 'previous',
      evidence: (period) => [`Jaarverslag ${period}`, `https://www.vechtcollege.example/jaarverslag-${period}.pdf`],
    },
    quarterlyBoardReport('Raad van Toezicht', 'rvt', 'Statuten art. 12; toezichtkader', 'vechtcollege.example', { past: { 1: 'late' } }),
    {
      key: 'bron', title: 'Maandelijkse controle en correctie BRON-registratie', stakeholders: ['duo'], form: 'data-submission',
      basis: 'WEB art. 2.3.6a (basisregister onderwijs)', responsible: 'secretary', leadTimeDays: 10,
      recurrence: { kind: 'monthly', interval: 1, day: dueWithinAWeek(ctx) }, reportsOn: 'previous', past: { 0: 'open', 3: 'late' },
      note: 'Terugkoppelbestand van DUO verwerkt; geen openstaande signalen.', lateNote: 'Later verwerkt: het terugkoppelbestand kwam pas na de uiterste datum binnen.',
    },
    {
      key: 'or-overleg', title: 'Overlegvergadering met de Ondernemingsraad', stakeholders: ['or'], form: 'meeting', basis: 'WOR art. 24',
      responsible: 'manager', leadTimeDays: 14, recurrence: { kind: 'monthly', interval: 2, day: 10 }, reportsOn: 'current',
      past: { 2: { waive: 'In overleg met de OR vervallen: er lagen geen voorstellen ter instemming of advies; de agenda is doorgeschoven naar de volgende overlegvergadering.' } },
      evidence: meetingMinutes('vechtcollege.example', 'or'),
    },
    {
      key: 'studentenraad', title: 'Overleg met de Centrale Studentenraad', stakeholders: ['studentenraad'], form: 'meeting',
      basis: 'WEB art. 8a.2.1', responsible: 'secretary', leadTimeDays: 14, recurrence: { kind: 'monthly', interval: 3, day: 25 }, reportsOn: 'current',
      // The last meeting was held but nobody has recorded it yet: overdue on the secretary's list.
      past: { 0: 'open', 1: 'late' }, lateNote: 'Een week later gehouden wegens de tentamenweek.', evidence: meetingMinutes('vechtcollege.example', 'studentenraad'),
    },
    {
      key: 'monitor', title: 'Aanlevering monitor Branchecode goed bestuur', stakeholders: ['mbo-raad'], form: 'data-submission',
      basis: 'Branchecode goed bestuur in het mbo, hoofdstuk 5', provisions: ['5.1'], responsible: 'manager', leadTimeDays: 60,
      recurrence: { kind: 'yearly', interval: 2, monthDay: '12-31' }, reportsOn: 'previous',
      evidence: (period) => [`Vragenlijst monitor ${period}`, 'https://intranet.vechtcollege.example/bestuur/monitor-branchecode'],
    },
    {
      key: 'kwaliteitsagenda', title: 'Voortgangsverantwoording kwaliteitsagenda', stakeholders: ['ocw'], form: 'report',
      basis: 'Resultaatafspraken kwaliteitsagenda', responsible: 'manager', leadTimeDays: 60, agreement: 'kwaliteitsagenda',
      recurrence: { kind: 'yearly', interval: 1, monthDay: '10-01' }, reportsOn: 'previous', endsOn: on(ctx, 1, '12-31'),
      evidence: (period) => [`Voortgangsrapportage ${period}`, `https://www.vechtcollege.example/documenten/kwaliteitsagenda-${period}.pdf`],
    },
    {
      key: 'vsv-rapportage', title: 'Jaarrapportage voortijdig schoolverlaten', stakeholders: ['rmc', 'gem-utrecht'], form: 'report',
      basis: 'Regionaal convenant VSV', responsible: 'secretary', leadTimeDays: 30, agreement: 'vsv',
      recurrence: { kind: 'yearly', interval: 1, monthDay: '03-01' }, reportsOn: 'previous',
      evidence: (period) => [`VSV-rapportage ${period}`, 'https://intranet.vechtcollege.example/vsv/jaarrapportage'],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Woonstichting Lekstroom

export const lekstroomCommitments = (ctx: DemoContext): CommitmentsData => ({
  agreements: [
    {
      key: 'prestatie', title: `Prestatieafspraken Nieuwegein ${ctx.year}–${ctx.year + 3}`, kind: 'performance-agreement', direction: 'mutual',
      goals: '400 sociale huurwoningen erbij vóór 2030, gemiddeld label B in 2028, huurverhoging voor de laagste inkomens onder inflatie; jaarschijf elk jaar vóór 15 december.',
      startsOn: on(ctx, 0, '01-01'), endsOn: on(ctx, 3, '12-31'), reviewOn: ahead(ctx, 20), owner: 'manager', stakeholders: ['gem-nieuwegein', 'huurders'], status: 'active',
      documents: [['Ondertekende prestatieafspraken', `https://www.lekstroom.example/documenten/prestatieafspraken-${ctx.year}.pdf`]],
    },
    {
      key: 'prestatie-vorig', title: `Prestatieafspraken Nieuwegein ${ctx.year - 4}–${ctx.year - 1}`, kind: 'performance-agreement', direction: 'mutual',
      goals: 'Vorige periode: nieuwbouw, verduurzaming en betaalbaarheid.',
      startsOn: on(ctx, -4, '01-01'), endsOn: on(ctx, -1, '12-31'), owner: 'manager', stakeholders: ['gem-nieuwegein', 'huurders'], status: 'fulfilled',
    },
    {
      key: 'vroegsignalering', title: 'Convenant vroegsignalering schulden Nieuwegein', kind: 'covenant', direction: 'mutual',
      goals: 'Huurachterstanden van twee maanden melden aan de gemeente; het wijkteam neemt binnen vijf werkdagen contact op.',
      startsOn: on(ctx, -1, '01-01'), reviewOn: ahead(ctx, 120), owner: 'secretary', stakeholders: ['gem-nieuwegein', 'wijkteam'], status: 'active',
    },
    {
      key: 'zorgwoningen', title: 'Dienstverleningsovereenkomst wonen met begeleiding', kind: 'service-level', direction: 'mutual',
      goals: 'Twintig woningen per jaar voor cliënten van Lekzorg; begeleiding binnen een week na sleuteloverdracht.',
      startsOn: on(ctx, 1, '01-01'), endsOn: on(ctx, 3, '12-31'), owner: 'manager', stakeholders: ['lekzorg'], status: 'draft',
    },
  ],
  obligations: [
    {
      key: 'jaarverslag', title: 'Jaarverslag, jaarrekening en volkshuisvestingsverslag', forum: 'Autoriteit woningcorporaties',
      stakeholders: ['aw', 'gem-nieuwegein', 'gem-ijsselstein', 'gem-vijfheerenlanden', 'huurders'], form: 'report', basis: 'Woningwet art. 36 en 36a',
      description: 'Vóór 1 juli; afschriften aan de gemeenten en de huurdersvereniging.',
      responsible: 'manager', leadTimeDays: 90, recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' }, reportsOn: 'previous',
      evidence: (period) => [`Jaarverslag ${period}`, `https://www.lekstroom.example/jaarverslag-${period}.pdf`],
    },
    {
      key: 'bod', title: 'Bod op de woonvisie', stakeholders: ['gem-nieuwegein', 'gem-ijsselstein', 'gem-vijfheerenlanden', 'huurders'], form: 'report',
      basis: 'Woningwet art. 44', description: 'De voorgenomen werkzaamheden voor de komende vijf jaar, goedgekeurd door de RvC.',
      responsible: 'manager', leadTimeDays: 60, recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' }, reportsOn: 'current',
      evidence: (period) => [`Bod ${period}`, `https://www.lekstroom.example/documenten/bod-${period}.pdf`],
    },
    {
      key: 'jaarschijf', title: 'Jaarschijf prestatieafspraken Nieuwegein', stakeholders: ['gem-nieuwegein', 'huurders'], form: 'dialogue',
      basis: 'Woningwet art. 44; prestatieafspraken', responsible: 'manager', leadTimeDays: 60, agreement: 'prestatie',
      recurrence: { kind: 'yearly', interval: 1, monthDay: '12-15' }, reportsOn: 'current', startsOn: on(ctx, 0, '01-01'), endsOn: on(ctx, 3, '12-31'),
    },
    {
      key: 'evaluatie-prestatie', title: 'Eindevaluatie prestatieafspraken vorige periode', stakeholders: ['gem-nieuwegein', 'huurders'], form: 'dialogue',
      basis: 'Prestatieafspraken', responsible: 'manager', leadTimeDays: 60, agreement: 'prestatie-vorig',
      recurrence: { kind: 'once' }, reportsOn: 'current', startsOn: on(ctx, -1, '12-15'),
      evidence: () => ['Eindevaluatie prestatieafspraken', 'https://www.lekstroom.example/documenten/eindevaluatie-prestatieafspraken.pdf'],
    },
    {
      key: 'dvi', title: 'dVi: verantwoordingsgegevens', forum: 'Aw en WSW', stakeholders: ['aw', 'wsw'], form: 'data-submission',
      basis: 'Woningwet art. 36a', responsible: 'secretary', leadTimeDays: 60, recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' }, reportsOn: 'previous',
      evidence: (period) => [`Ontvangstbevestiging dVi ${period}`, 'https://intranet.lekstroom.example/control/dvi'],
    },
    {
      key: 'dpi', title: 'dPi: prognosegegevens', forum: 'Aw en WSW', stakeholders: ['aw', 'wsw'], form: 'data-submission',
      basis: 'Woningwet art. 36a', responsible: 'secretary', leadTimeDays: 60, recurrence: { kind: 'yearly', interval: 1, monthDay: '12-14' }, reportsOn: 'current',
      evidence: (period) => [`Ontvangstbevestiging dPi ${period}`, 'https://intranet.lekstroom.example/control/dpi'],
    },
    {
      key: 'visitatie', title: 'Visitatie maatschappelijke prestaties', forum: 'Openbaar (website)', stakeholders: ['gem-nieuwegein', 'huurders'],
      form: 'report', basis: 'Woningwet art. 53a', responsible: 'manager', leadTimeDays: 180,
      recurrence: { kind: 'yearly', interval: 4, monthDay: '12-31' }, reportsOn: 'previous',
      evidence: (period, moment) => [`Visitatierapport ${period}`, `https://www.lekstroom.example/documenten/visitatierapport-${yearOf(moment.periodEnd)}.pdf`],
    },
    quarterlyBoardReport('Raad van Commissarissen', 'rvc', 'Governancecode Woningcorporaties 2020, principe 2', 'lekstroom.example', { key: 'rvc-kwartaal', past: { 2: 'late' } }),
    {
      key: 'overleg-huurders', title: 'Overleg met de Huurdersvereniging (Overlegwet)', stakeholders: ['huurders'], form: 'meeting', basis: 'Overlegwet art. 5',
      responsible: 'manager', leadTimeDays: 14, recurrence: { kind: 'monthly', interval: 2, day: 5 }, reportsOn: 'current',
      past: { 0: 'open', 1: { waive: 'Op verzoek van de huurdersvereniging vervallen; de onderwerpen zijn behandeld in het tripartiete overleg.' } },
      evidence: meetingMinutes('lekstroom.example', 'huurders'),
    },
    {
      key: 'vroegsignalering', title: 'Signalering huurachterstanden aan de gemeente', stakeholders: ['gem-nieuwegein', 'wijkteam'], form: 'data-submission',
      basis: 'Wet gemeentelijke schuldhulpverlening art. 3a; convenant vroegsignalering', responsible: 'secretary', leadTimeDays: 10,
      agreement: 'vroegsignalering', recurrence: { kind: 'monthly', interval: 1, day: dueWithinAWeek(ctx) }, reportsOn: 'previous',
      past: { 0: 'open', 2: 'late' }, note: 'Signaleringsbestand via het beveiligde portaal aangeleverd.',
      lateNote: 'Later aangeleverd: storing in het klantsysteem.',
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Zorggroep Amstelhof

export const amstelhofCommitments = (ctx: DemoContext): CommitmentsData => ({
  agreements: [
    {
      key: 'wlz', title: `Inkoopafspraken Wlz ${ctx.year}`, kind: 'funding-condition', direction: 'mutual',
      goals: 'Productieafspraak verpleeghuiszorg en kwaliteitsvoorwaarden; maandelijkse productie- en wachtlijstgegevens, kwartaalverantwoording.',
      startsOn: on(ctx, 0, '01-01'), endsOn: on(ctx, 0, '12-31'), reviewOn: ahead(ctx, 25), owner: 'manager', stakeholders: ['zorgkantoor'], status: 'active',
      documents: [['Overeenkomst Wlz (ondertekend)', `https://intranet.amstelhof.example/contracten/wlz-${ctx.year}.pdf`]],
    },
    {
      key: 'wlz-vorig', title: `Inkoopafspraken Wlz ${ctx.year - 1}`, kind: 'funding-condition', direction: 'mutual',
      goals: 'Productieafspraak en kwaliteitsvoorwaarden van vorig jaar.',
      startsOn: on(ctx, -1, '01-01'), endsOn: on(ctx, -1, '12-31'), owner: 'manager', stakeholders: ['zorgkantoor'], status: 'fulfilled',
    },
    {
      key: 'transferbedden', title: 'Dienstverleningsovereenkomst transferbedden en ELV', kind: 'service-level', direction: 'mutual',
      goals: 'Opname binnen 24 uur na de aanvraag van het ziekenhuis of de huisarts, ook in het weekend; zes ELV-bedden.',
      startsOn: on(ctx, -1, '04-01'), endsOn: on(ctx, 1, '03-31'), reviewOn: ahead(ctx, 10), owner: 'manager', stakeholders: ['ziekenhuis', 'huisartsen'], status: 'active',
    },
    {
      key: 'convenant', title: 'Convenant samenwerking ouderenzorg Amstelveen', kind: 'covenant', direction: 'mutual',
      goals: 'Eén loket voor de toegang tot ouderenzorg en afspraken over de doorstroom van thuis naar het verpleeghuis.',
      startsOn: on(ctx, -2, '01-01'), owner: 'secretary', stakeholders: ['gem-amstelveen', 'huisartsen', 'ziekenhuis'], status: 'active',
      documents: [['Convenant ouderenzorg Amstelveen', 'https://www.amstelhof.example/documenten/convenant-ouderenzorg.pdf']],
    },
    {
      key: 'opleiden', title: 'Samenwerkingsafspraken opleiden in de zorg', kind: 'cooperation', direction: 'mutual',
      goals: 'Vijftien leerplaatsen verzorgende IG per jaar en gezamenlijke praktijkopleiders.',
      startsOn: on(ctx, 1, '09-01'), owner: 'secretary', stakeholders: ['zorgacademie'], status: 'draft',
    },
  ],
  obligations: [
    {
      key: 'digimv', title: 'Jaarverantwoording via DigiMV', forum: 'CIBG', stakeholders: ['cibg', 'igj'], form: 'data-submission',
      basis: 'Wtza; Regeling openbare jaarverantwoording WMG', provisions: ['4.1.4'], responsible: 'manager', leadTimeDays: 90,
      recurrence: { kind: 'yearly', interval: 1, monthDay: '05-31' }, reportsOn: 'previous',
      evidence: (period) => [`Ontvangstbevestiging DigiMV ${period}`, 'https://intranet.amstelhof.example/control/digimv'],
    },
    {
      key: 'kwaliteitsverslag', title: 'Kwaliteitsverslag verpleeghuiszorg', forum: 'Zorginstituut Nederland (openbaar)', stakeholders: ['clientenraad', 'zorgkantoor'],
      form: 'publication', basis: 'Kwaliteitskader Verpleeghuiszorg', provisions: ['1.1'], responsible: 'secretary', leadTimeDays: 60,
      recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' }, reportsOn: 'previous',
      evidence: (period) => [`Kwaliteitsverslag ${period}`, `https://www.amstelhof.example/kwaliteitsverslag-${period}.pdf`],
    },
    quarterlyBoardReport('Raad van Toezicht', 'rvt', 'Governancecode Zorg 2022, 5.2.1', 'amstelhof.example', { provisions: ['5.2.1'], past: { 1: 'late' } }),
    {
      key: 'clientenraad', title: 'Overlegvergadering Centrale Cliëntenraad', stakeholders: ['clientenraad'], form: 'meeting', basis: 'Wmcz 2018 art. 6',
      provisions: ['3.1'], responsible: 'secretary', leadTimeDays: 14, recurrence: { kind: 'monthly', interval: 2, day: 12 }, reportsOn: 'current',
      past: { 3: { waive: 'Vervallen wegens de verhuizing van bewoners naar de tijdelijke locatie; de agenda is met instemming van de cliëntenraad schriftelijk afgehandeld.' } },
      evidence: meetingMinutes('amstelhof.example', 'clientenraad'),
    },
    {
      key: 'or-overleg', title: 'Overlegvergadering Ondernemingsraad', stakeholders: ['or'], form: 'meeting', basis: 'WOR art. 24', provisions: ['3.1'],
      responsible: 'manager', leadTimeDays: 14, recurrence: { kind: 'monthly', interval: 3, day: 8 }, reportsOn: 'current', past: { 0: 'open' },
      evidence: meetingMinutes('amstelhof.example', 'or'),
    },
    {
      key: 'productie', title: 'Maandelijkse productie- en wachtlijstgegevens aan het zorgkantoor', stakeholders: ['zorgkantoor'], form: 'data-submission',
      basis: 'Inkoopvoorwaarden Wlz', provisions: ['1.2'], responsible: 'secretary', leadTimeDays: 10,
      recurrence: { kind: 'monthly', interval: 1, day: dueWithinAWeek(ctx) }, reportsOn: 'previous', past: { 0: 'open', 4: 'late' },
      note: 'Via het declaratieportaal aangeleverd.', lateNote: 'Later aangeleverd: de wachtlijstcijfers moesten eerst worden gecorrigeerd.',
    },
    {
      key: 'wlz-kwartaal', title: 'Kwartaalverantwoording Wlz-productie', stakeholders: ['zorgkantoor'], form: 'report', basis: 'Inkoopafspraken Wlz',
      responsible: 'manager', leadTimeDays: 14, agreement: 'wlz', startsOn: on(ctx, 0, '01-01'), endsOn: on(ctx, 0, '12-31'),
      recurrence: { kind: 'monthly', interval: 3, day: 20 }, reportsOn: 'previous',
      evidence: (period) => [`Productieverantwoording ${period}`, 'https://intranet.amstelhof.example/control/wlz-productie'],
    },
    {
      key: 'evaluatie-rvt', title: 'Evaluatie samenwerking Raad van Toezicht en bestuur', forum: 'Raad van Toezicht', stakeholders: ['rvt'], form: 'meeting',
      basis: 'Governancecode Zorg 2022, 4.1.5 en 7.3.1', provisions: ['4.1.5', '7.3.1'], responsible: 'manager', leadTimeDays: 30,
      recurrence: { kind: 'yearly', interval: 1, monthDay: '11-30' }, reportsOn: 'current',
      inYear: { [-1]: { waive: 'Uitgesteld: de bestuurder vertrok per 1 oktober; de evaluatie volgt na de benoeming van de nieuwe bestuurder (zie de uitleg bij 4.1.5).' } },
    },
  ],
});

export const COMMITMENTS: Record<InstitutionKey, (ctx: DemoContext) => CommitmentsData> = {
  vecht: vechtCommitments,
  lekstroom: lekstroomCommitments,
  amstelhof: amstelhofCommitments,
};
