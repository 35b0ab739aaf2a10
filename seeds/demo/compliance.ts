import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import {
  addStatementEvidence, adoptCode, approveYear, copyFromLastYear, openYear, saveStatement,
} from '~/modules/governance/mutations.server';
import {
  CodeAdoption, CodePrinciple, CodeProvision, ComplianceStatement, ComplianceYear, GovernanceCode, Op, ReportingMoment,
} from '~/utils/db.server';
import type { StatementStatus } from '~/modules/governance/rules';
import { endOfYearDay, maxDay, startOfYearDay } from '~/utils/dates';
import { on, ref, type DemoContext, type InstitutionKey, type InstitutionRefs } from './context';

/**
 * Governance for the demo, through the compliance mutations: each institution adopts its sector's
 * shipped code, last year's statements are made, evidenced and approved (so locked), and this
 * year is left open for the manager — Vecht College has started it from last year (every
 * statement to review), Zorggroep Amstelhof is halfway, Woonstichting Lekstroom has not begun.
 */

/** The shipped code (by key) each institution adopts; the latest version of that key. */
const ADOPTED_CODE: Record<InstitutionKey, string> = { vecht: 'mbo', lekstroom: 'woningcorporaties', amstelhof: 'zorg' };

type Status = Exclude<StatementStatus, 'not-assessed'>;
type EvidenceRef = ['obligation' | 'moment' | 'agreement' | 'engagement', string];
/** A statement on a provision or, where the library lists no provisions, on a principle: by its number. */
type StatementSpec = [number: string, status: Status, explanation: string | null, evidence?: EvidenceRef[]];

async function adoptedCode(key: InstitutionKey) {
  const codes = await GovernanceCode.findAll({ where: { key: ADOPTED_CODE[key] }, order: [['validFrom', 'DESC']] });
  if (!codes[0]) throw new Error(`demo data: the code library "${ADOPTED_CODE[key]}" is not imported`);
  return codes[0];
}

const each = (ctx: DemoContext) => Object.entries(ctx.institutions) as [InstitutionKey, InstitutionRefs][];

/** Adopts each institution's code from a date in the past (four years back, or the code's start). */
export async function seedAdoptions(ctx: DemoContext): Promise<void> {
  for (const [key, refs] of each(ctx)) {
    const code = await adoptedCode(key);
    await adoptCode(SYSTEM_ACTOR, { institutionId: refs.id, codeId: code.id, adoptedFrom: maxDay(code.validFrom, on(ctx, -4, '01-01')) });
  }
}

/** The provisions of the codes the institution adopted, by number, for obligations to cite. */
export async function adoptedProvisions(institutionId: number): Promise<Map<string, number>> {
  const adoptions = await CodeAdoption.findAll({ where: { institutionId }, attributes: ['codeId'] });
  const provisions = await CodeProvision.findAll({ where: { codeId: { [Op.in]: adoptions.map((a) => a.codeId) } }, attributes: ['id', 'number'] });
  return new Map(provisions.map((p) => [p.number, p.id]));
}

/** The year's statements by the number of their provision or principle. */
async function statementsByNumber(institutionId: number, year: number): Promise<Map<string, ComplianceStatement>> {
  const statements = await ComplianceStatement.findAll({ where: { institutionId, year } });
  const [provisions, principles] = await Promise.all([
    CodeProvision.findAll({ where: { id: statements.flatMap((s) => (s.provisionId ? [s.provisionId] : [])) }, attributes: ['id', 'number'] }),
    CodePrinciple.findAll({ where: { id: statements.flatMap((s) => (s.principleId ? [s.principleId] : [])) }, attributes: ['id', 'number'] }),
  ]);
  const provisionNumber = new Map(provisions.map((p) => [p.id, p.number]));
  const principleNumber = new Map(principles.map((p) => [p.id, p.number]));
  return new Map(statements.map((s) => [(s.provisionId ? provisionNumber.get(s.provisionId) : principleNumber.get(s.principleId!))!, s]));
}

async function evidenceTarget(refs: InstitutionRefs, year: number, [kind, key]: EvidenceRef): Promise<number> {
  if (kind === 'moment') {
    // The moment of that obligation due in the statement's year: what the year's evidence health reads.
    const moment = await ReportingMoment.findOne({
      where: { obligationId: ref(refs.obligations, key), dueOn: { [Op.between]: [startOfYearDay(year), endOfYearDay(year)] } },
      order: [['dueOn', 'DESC']],
    });
    if (!moment) throw new Error(`demo data: obligation "${key}" has no moment in ${year}`);
    return moment.id;
  }
  return ref(kind === 'obligation' ? refs.obligations : kind === 'agreement' ? refs.agreements : refs.engagements, key);
}

/** Opens a year and says what the specs say, with their evidence. */
async function makeStatements(refs: InstitutionRefs, year: number, specs: StatementSpec[]): Promise<void> {
  const institutionId = refs.id;
  await openYear(SYSTEM_ACTOR, { institutionId, year });
  const statements = await statementsByNumber(institutionId, year);
  for (const [number, status, explanation, evidence = []] of specs) {
    const statement = statements.get(number);
    if (!statement) throw new Error(`demo data: no statement for ${number} in ${year}`);
    await saveStatement(SYSTEM_ACTOR, { institutionId, statementId: statement.id, status, explanation: explanation ?? undefined, version: statement.version });
    for (const target of evidence) {
      await addStatementEvidence(SYSTEM_ACTOR, { institutionId, statementId: statement.id, kind: target[0], targetId: await evidenceTarget(refs, year, target) });
    }
  }
}

export async function seedStatements(ctx: DemoContext): Promise<void> {
  const lastYear = ctx.year - 1;
  for (const [key, refs] of each(ctx)) {
    await makeStatements(refs, lastYear, LAST_YEAR[key](ctx));
    const { version } = (await ComplianceYear.findOne({ where: { institutionId: refs.id, year: lastYear }, rejectOnEmpty: true }));
    await approveYear(SYSTEM_ACTOR, { institutionId: refs.id, year: lastYear, version });
  }
  await copyFromLastYear(SYSTEM_ACTOR, { institutionId: ctx.institutions.vecht.id, year: ctx.year });
  await makeStatements(ctx.institutions.amstelhof, ctx.year, AMSTELHOF_THIS_YEAR(ctx));
  ctx.log(`compliance: ${lastYear} approved for all three; ${ctx.year} open`);
}

// A good explanation states the context, the reasons, the risks and how they are mitigated, and
// when compliance is intended (DESIGN.md); the deviations below follow that order.
const explain = (context: string, reasons: string, risks: string, when: string) =>
  [`Context: ${context}`, `Reden: ${reasons}`, `Risico's en maatregelen: ${risks}`, `Naleving: ${when}`].join('\n\n');

const LAST_YEAR: Record<InstitutionKey, (ctx: DemoContext) => StatementSpec[]> = {
  vecht: ({ year }) => [
    ['2.2', 'complies', 'De regionale agenda is samen met gemeenten en werkgevers opgesteld; het bestuursverslag legt verantwoording af over de maatschappelijke opdracht.', [['agreement', 'vsv'], ['engagement', 'nieuwegein-overleg']]],
    ['2.3', 'complies', 'De integriteitscode, de klokkenluidersregeling en de vertrouwenspersoon zijn jaarlijks in de Raad van Toezicht besproken.', []],
    ['2.4', 'partially', explain(
      `Het College van Bestuur bestaat uit twee leden; de voorzitter trad in het voorjaar van ${year - 1} aan.`,
      'De jaarlijkse zelfevaluatie vond plaats, maar het professionaliseringstraject (360°-feedback en intervisie) is uitgesteld tot het college compleet was.',
      'Dat ontwikkelpunten onbesproken blijven, vangen we op met een tussentijds gesprek met de remuneratiecommissie van de Raad van Toezicht en externe begeleiding.',
      `Het traject start in het eerste kwartaal van ${year + 1}; in het jaarverslag over ${year + 1} rapporteren we volledige naleving.`,
    ), [['engagement', 'rvt-jaarverslag']]],
    ['2.5', 'explains', explain(
      'De code vraagt tegenspraak te organiseren, onder meer met een vaste klankbordgroep van docenten en studenten.',
      'Vecht College organiseert tegenspraak via de ondernemingsraad, de studentenraad en themasessies, in plaats van een aparte klankbordgroep, om overlap en vergaderdruk te voorkomen.',
      'Het risico is dat kritische geluiden buiten de formele medezeggenschap niet doorkomen. Daarom houdt het College twee keer per jaar open spreekuren op elke locatie en meldt de vertrouwenspersoon signalen rechtstreeks aan de Raad van Toezicht.',
      `We evalueren deze werkwijze met OR en studentenraad vóór 1 juli ${year + 1}; blijkt zij onvoldoende, dan richten we per ${year + 2} alsnog een klankbordgroep op.`,
    ), [['obligation', 'or-overleg'], ['obligation', 'studentenraad'], ['engagement', 'or-begroting']]],
    ['2.6', 'complies', 'Naleving van de code is een vast agendapunt van de Raad van Toezicht; afwijkingen staan in het bestuursverslag.', [['moment', 'jaarverslag']]],
    ['3', 'complies', 'Het College van Bestuur legt verantwoording af via het jaarverslag en de kwartaalrapportages aan de Raad van Toezicht.', [['obligation', 'rvt-kwartaal'], ['moment', 'jaarverslag']]],
    ['4', 'complies', 'De Raad van Toezicht werkt met een toezichtkader en evalueert jaarlijks zijn eigen functioneren.', []],
    ['5.1', 'complies', 'Vecht College leverde de gegevens voor de monitor van de Branchecode tijdig aan; de bevindingen bespreekt het College met de Raad van Toezicht.', [['obligation', 'monitor']]],
  ],
  lekstroom: ({ year }) => [
    ['1', 'complies', 'De huurdersvereniging is vroegtijdig betrokken bij het huurbeleid en de verduurzaming; de klanttevredenheid wordt elk kwartaal gemeten.', [['obligation', 'overleg-huurders'], ['engagement', 'huurverhoging']]],
    ['2', 'complies', 'Jaarverslag en volkshuisvestingsverslag zijn openbaar; het bod en de kwartaalrapportages aan de RvC zijn tijdig uitgebracht.', [['moment', 'jaarverslag'], ['obligation', 'bod'], ['obligation', 'rvc-kwartaal']]],
    ['3', 'partially', explain(
      'De Raad van Commissarissen volgt het PE-reglement van de VTW: elke commissaris haalt jaarlijks de vereiste PE-punten.',
      `Twee commissarissen haalden in ${year} het vereiste aantal punten niet, door langdurige afwezigheid en door een benoeming laat in het jaar.`,
      `De raad als geheel voldeed wel aan de norm, dus de deskundigheid bleef geborgd. Beide commissarissen volgen in ${year + 1} een inhaalprogramma; de voorzitter bewaakt de voortgang elk kwartaal.`,
      `Eind ${year + 1} voldoen alle commissarissen weer aan de PE-norm; we rapporteren hierover in het jaarverslag over ${year + 1}.`,
    ), []],
    ['4', 'complies', 'De prestatieafspraken zijn tripartiet gemaakt en uitgevoerd; de visitatie is afgerond en openbaar.', [['agreement', 'prestatie-vorig'], ['engagement', 'tripartiet'], ['moment', 'visitatie']]],
    ['5', 'explains', explain(
      'De code vraagt om een auditcommissie binnen de Raad van Commissarissen die het risicomanagement en de relatie met de accountant voorbereidt.',
      'De RvC telt vijf leden en behandelt risicomanagement en de accountant voltallig: een commissie van twee leden levert bij deze omvang vooral dubbel werk op.',
      'Het risico op onvoldoende diepgang vangen we op met een jaarlijkse themasessie risicomanagement met de accountant en de controller, en met een commissaris met een financiële portefeuille die de stukken vooraf toetst.',
      `Na de uitbreiding van de RvC naar zes leden stelt de raad per 1 januari ${year + 2} een auditcommissie in.`,
    ), [['obligation', 'rvc-kwartaal'], ['moment', 'dvi']]],
  ],
  amstelhof: ({ year }) => [
    ['1.1', 'complies', 'Het kwaliteitsverslag volgt het Kwaliteitskader Verpleeghuiszorg en is met de cliëntenraad besproken voordat het werd gepubliceerd.', [['moment', 'kwaliteitsverslag']]],
    ['1.2', 'complies', 'Elke cliënt heeft een zorgleefplan; de productieafspraken met het zorgkantoor volgen we maandelijks.', [['agreement', 'wlz-vorig'], ['obligation', 'productie']]],
    ['1.3', 'complies', 'Amstelhof werkt in de regio samen in het convenant ouderenzorg en met transferafspraken met het ziekenhuis.', [['agreement', 'convenant'], ['engagement', 'transferoverleg']]],
    ['1.4', 'partially', explain(
      'De code vraagt ruimte voor de professionele autonomie van zorgverleners.',
      `De Verpleegkundige Adviesraad bestaat sinds ${year - 1} en had in ${year} nog geen formele adviesrol bij wijzigingen in de zorgprocessen.`,
      'Het risico dat de kennis van verpleegkundigen te laat wordt benut, beperken we doordat de VAR-voorzitter sinds het najaar aanschuift bij het kwaliteitsoverleg.',
      `In ${year + 1} leggen we het adviesrecht van de VAR vast in een reglement; vanaf het verslag over ${year + 1} passen we de bepaling volledig toe.`,
    ), []],
    ['2', 'complies', 'De gedragscode en het integriteitsbeleid zijn herzien met de cliëntenraad en de OR; de vertrouwenspersoon rapporteert jaarlijks aan de Raad van Toezicht.', []],
    ['3.1', 'complies', 'Cliënten (Wmcz 2018), medewerkers (WOR) en verpleegkundigen (VAR) hebben elk hun overleg volgens een jaarplanning.', [['obligation', 'clientenraad'], ['obligation', 'or-overleg'], ['engagement', 'clientenraad-westwijk']]],
    ['3.1.1', 'complies', 'Cliëntenraad en OR ontvangen de stukken vooraf en evalueren de samenwerking jaarlijks met de bestuurder.', []],
    ['4.1', 'complies', 'Bestuur en Raad van Toezicht hebben de code in hun reglementen opgenomen en leggen er jaarlijks verantwoording over af.', []],
    ['4.1.1', 'not-applicable', 'Zorggroep Amstelhof heeft geen groepsmaatschappijen of dochterstichtingen; de bepaling is daarom niet van toepassing.', []],
    ['4.1.2', 'complies', 'Het bestuur informeert de Raad van Toezicht volgens een informatieprotocol en met kwartaalrapportages.', [['obligation', 'rvt-kwartaal']]],
    ['4.1.3', 'complies', 'De Raad van Toezicht blijft in zijn toezichthoudende rol; dat is vastgelegd in het reglement en jaarlijks geëvalueerd.', []],
    ['4.1.4', 'complies', 'Het jaarverslag in DigiMV beschrijft per principe hoe de code is toegepast.', [['moment', 'digimv']]],
    ['4.1.5', 'explains', explain(
      'De code vraagt de samenwerking tussen Raad van Toezicht en bestuur ten minste eens per twee jaar te evalueren.',
      `De evaluatie die in het najaar van ${year} gepland stond, is uitgesteld: de bestuurder vertrok per 1 oktober en de interim-bestuurder was pas kort in functie.`,
      'De voorzitter van de Raad van Toezicht voert maandelijks een voortgangsgesprek met de interim-bestuurder, en de remuneratiecommissie bespreekt de signalen van cliëntenraad en OR.',
      `De evaluatie vindt plaats binnen drie maanden na de benoeming van de nieuwe bestuurder, uiterlijk in het vierde kwartaal van ${year + 1}.`,
    ), [['obligation', 'evaluatie-rvt']]],
    ['5.1.1', 'complies', 'De leden van de raad van bestuur zijn gezamenlijk en ieder afzonderlijk verantwoordelijk; dat staat in het reglement.', []],
    ['5.1.2', 'complies', 'De taakverdeling binnen de raad van bestuur is vastgelegd en door de Raad van Toezicht goedgekeurd.', []],
    ['5.2.1', 'complies', 'Het bestuur legt elk kwartaal verantwoording af aan de Raad van Toezicht over kwaliteit, personeel en financiën.', [['obligation', 'rvt-kwartaal']]],
    ['5.2.2', 'complies', 'De begroting en de nieuwbouw van locatie Westwijk zijn ter goedkeuring aan de Raad van Toezicht voorgelegd.', []],
    ['6.1', 'complies', 'De Raad van Toezicht werkt met een toezichtvisie en een toetsingskader dat naar het maatschappelijk doel verwijst.', []],
    ['6.2.1', 'partially', explain(
      'De code vraagt een divers samengestelde Raad van Toezicht, met inbreng van cliëntenraad en OR bij benoemingen.',
      `Bij de benoeming van een nieuw lid in ${year} deed de cliëntenraad een voordracht, maar de OR is door een planningsfout pas na de selectie gehoord.`,
      'De raad heeft de procedure aangepast: de OR neemt voortaan deel aan de selectiecommissie, en het profiel wordt vooraf met beide raden besproken.',
      `Bij de volgende vacature, verwacht in ${year + 1}, passen we de nieuwe procedure volledig toe.`,
    ), [['engagement', 'or-roosters']]],
    ['6.2.2', 'complies', 'Benoeming, schorsing en ontslag van toezichthouders verlopen volgens de statuten en het reglement.', []],
    ['7.1.1', 'complies', 'Het bestuur reflecteert jaarlijks op zijn functioneren, met een externe begeleider.', []],
    ['7.1.2', 'partially', explain(
      'De code vraagt dat bestuurders hun deskundigheid bijhouden volgens een opleidingsplan.',
      `De bestuurder volgde in ${year} de geplande leergangen, maar het opleidingsplan is door zijn vertrek niet meer geëvalueerd.`,
      'De interim-bestuurder brengt eigen, recente ervaring mee; de Raad van Toezicht volgt haar ontwikkelpunten in de voortgangsgesprekken.',
      `De Raad van Toezicht stelt met de nieuwe bestuurder in ${year + 1} een opleidingsplan op en evalueert het aan het eind van dat jaar.`,
    ), []],
    ['7.2', 'explains', explain(
      'De code vraagt de Raad van Toezicht elk jaar met elke bestuurder een beoordelingsgesprek te voeren.',
      `Het jaargesprek over ${year} is niet gevoerd: de bestuurder vertrok per 1 oktober, vóór het geplande gesprek in november.`,
      'Met de vertrokken bestuurder is een exitgesprek gevoerd; met de interim-bestuurder zijn bij de start doelen afgesproken die maandelijks worden besproken.',
      `Het eerste jaargesprek met de nieuwe bestuurder vindt plaats in het vierde kwartaal van ${year + 1}.`,
    ), []],
    ['7.3.1', 'complies', `De Raad van Toezicht hield in ${year} een zelfevaluatie met externe begeleiding.`, []],
  ],
};

/** This year at Amstelhof: a start, the rest still to assess. */
const AMSTELHOF_THIS_YEAR = ({ year }: DemoContext): StatementSpec[] => [
  ['1.1', 'complies', `Het kwaliteitsplan ${year} is met de cliëntenraad opgesteld; het kwaliteitsverslag volgt na afloop van het jaar.`, [['obligation', 'kwaliteitsverslag']]],
  ['3.1', 'complies', 'De overlegvergaderingen met cliëntenraad, OR en VAR lopen volgens de jaarplanning.', [['obligation', 'clientenraad'], ['obligation', 'or-overleg']]],
  ['4.1.1', 'not-applicable', 'Zorggroep Amstelhof heeft geen groepsmaatschappijen of dochterstichtingen; de bepaling is daarom niet van toepassing.', []],
];
