/**
 * Word lists the benchmark data is drawn from: plausible Dutch names, places and subjects, so lists
 * sort, filter and render like real ones (varied lengths, shared prefixes, diacritics).
 */

export const GIVEN_NAMES = [
  'Jan', 'Anna', 'Pieter', 'Sophie', 'Kees', 'Fatima', 'Mohamed', 'Eva', 'Daan', 'Lotte', 'Sem', 'Julia', 'Noah', 'Emma',
  'Bram', 'Fleur', 'Thijs', 'Sanne', 'Ruben', 'Iris', 'Joost', 'Marieke', 'Wouter', 'Ingrid', 'Hans', 'Petra', 'Ahmed',
  'Yasmina', 'Chantal', 'Gerrit', 'Zoë', 'René', 'Anouk', 'Maarten', 'Esther', 'Willem', 'Femke', 'Ilse', 'Rik', 'Hanneke',
] as const;

export const FAMILY_NAMES: readonly (readonly [string | null, string])[] = [
  [null, 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['de', 'Boer'], [null, 'Bakker'], [null, 'Visser'],
  [null, 'Smit'], ['de', 'Jong'], [null, 'Meijer'], [null, 'Mulder'], ['de', 'Graaf'], [null, 'Bos'], ['van der', 'Linden'],
  [null, 'Yılmaz'], [null, 'El Amrani'], [null, 'Kok'], ['van', 'Leeuwen'], [null, 'Hendriks'], ['van der', 'Meer'],
  [null, 'Dekker'], [null, 'Brouwer'], ['de', 'Wit'], [null, 'Dijkstra'], [null, 'Vermeulen'], ['van', 'Beek'], [null, 'Peters'],
  ['ter', 'Horst'], ["van 't", 'Hof'], [null, 'Öztürk'], [null, 'Koster'], [null, 'Prins'], [null, 'Huisman'], [null, 'Postma'],
];

export const CITIES = [
  'Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen',
  'Apeldoorn', 'Arnhem', 'Haarlem', 'Enschede', 'Amersfoort', 'Zaanstad', "'s-Hertogenbosch", 'Zwolle', 'Leiden', 'Maastricht',
  'Dordrecht', 'Ede', 'Alphen aan den Rijn', 'Leeuwarden', 'Alkmaar', 'Emmen', 'Delft', 'Deventer', 'Venlo', 'Sittard-Geleen',
] as const;

export const STREETS = [
  'Hoofdstraat', 'Kerkstraat', 'Stationsweg', 'Dorpsstraat', 'Schoolstraat', 'Molenweg', 'Julianalaan', 'Beatrixlaan',
  'Marktplein', 'Nieuwstraat', 'Industrieweg', 'Parallelweg', 'Wilhelminastraat', 'Lindenlaan', 'Eikenlaan',
] as const;

/** Organisation name patterns: `{city}` and `{name}` are filled in. */
export const ORGANISATION_PATTERNS: readonly (readonly [string, string, string])[] = [
  // [pattern, organisation kind, stakeholder category]
  ['Gemeente {city}', 'municipality', 'government'],
  ['Provincie {province}', 'province', 'government'],
  ['Ministerie van {ministry}', 'ministry', 'government'],
  ['Huurdersvereniging {city}', 'tenants-association', 'client-representation'],
  ['Cliëntenraad {city}', 'client-council', 'client-representation'],
  ['Studentenraad {city}', 'student-council', 'client-representation'],
  ['Ondernemingsraad {name}', 'works-council', 'works-council'],
  ['Stichting {name} {city}', 'association', 'community'],
  ['Vereniging Buurtbelangen {city}', 'interest-group', 'community'],
  ['{name} Bouw B.V.', 'company', 'supplier'],
  ['{name} & Partners', 'company', 'supplier'],
  ['Zorggroep {city}', 'healthcare-provider', 'partner'],
  ['Woonstichting {name}', 'housing-corporation', 'partner'],
  ['{name} College', 'school', 'field'],
  ['Regionaal Bedrijvennetwerk {city}', 'association', 'field'],
  ['Fonds {name}', 'funder', 'funder'],
  ['Inspectie {ministry}', 'regulator', 'regulator'],
];

export const PROVINCES = ['Noord-Holland', 'Zuid-Holland', 'Utrecht', 'Gelderland', 'Noord-Brabant', 'Limburg', 'Overijssel', 'Groningen', 'Friesland', 'Drenthe', 'Zeeland', 'Flevoland'] as const;
export const MINISTRIES = ['Onderwijs, Cultuur en Wetenschap', 'Volksgezondheid, Welzijn en Sport', 'Binnenlandse Zaken', 'Volkshuisvesting', 'Financiën'] as const;

export const INSTITUTION_PATTERNS: Readonly<Record<string, readonly string[]>> = {
  housing: ['Woonstichting {city}', 'Wooncorporatie {name}', '{name} Wonen', 'Woonbedrijf {city}'],
  healthcare: ['Zorggroep {city}', '{name} Zorg', 'Ziekenhuis {city}', 'GGZ {province}'],
  'vocational-education': ['ROC {city}', '{name} College', 'MBO {province}'],
  'primary-education': ['Stichting Primair Onderwijs {city}', 'Scholengroep {name}'],
  'secondary-education': ['Scholengemeenschap {city}', 'Lyceum {name}'],
  'applied-sciences': ['Hogeschool {city}', 'Hogeschool {name}'],
  university: ['Universiteit {city}'],
};

export const THEMES = [
  'Betaalbaarheid', 'Duurzaamheid', 'Leefbaarheid', 'Kwaliteit van zorg', 'Onderwijskwaliteit', 'Veiligheid',
  'Participatie', 'Financiën', 'Arbeidsmarkt', 'Digitalisering', 'Huisvesting', 'Gezondheid',
] as const;

export const INTEREST_TITLES = [
  'Betaalbare huren', 'Snelle afhandeling van klachten', 'Verduurzaming van de voorraad', 'Inspraak in beleid',
  'Wachttijden', 'Goede stageplaatsen', 'Transparante financiën', 'Veilige buurt', 'Samenwerking in de wijk',
  'Aansluiting op de arbeidsmarkt', 'Privacy van gegevens', 'Toegankelijkheid',
] as const;

export const ENGAGEMENT_SUBJECTS = [
  'Kwartaaloverleg', 'Bestuurlijk overleg', 'Werkbezoek', 'Informatiebijeenkomst', 'Adviesaanvraag', 'Klankbordsessie',
  'Evaluatie prestatieafspraken', 'Jaargesprek', 'Toelichting jaarverslag', 'Overleg begroting',
] as const;

export const AGREEMENT_TITLES = [
  'Prestatieafspraken', 'Samenwerkingsconvenant', 'Subsidievoorwaarden', 'Dienstverleningsovereenkomst',
  'Convenant wijkaanpak', 'Samenwerkingsovereenkomst stages', 'Regionale afspraken', 'Huurbeleid',
] as const;

/** Obligation titles beyond the sector presets: [title, form, forum or null]. */
export const OBLIGATION_TITLES: readonly (readonly [string, string, string | null])[] = [
  ['Jaarverslag', 'report', 'Raad van toezicht'],
  ['Kwartaalrapportage', 'report', 'Raad van toezicht'],
  ['Maandrapportage financiën', 'report', 'Raad van toezicht'],
  ['Jaarrekening', 'report', null],
  ['Begroting', 'report', 'Raad van toezicht'],
  ['Overleg met de ondernemingsraad', 'meeting', null],
  ['Overleg met de cliëntenraad', 'meeting', null],
  ['Publicatie bestuursverslag', 'publication', null],
  ['Gegevenslevering', 'data-submission', 'DUO'],
  ['Verantwoording subsidie', 'report', null],
  ['Dialoogbijeenkomst belanghebbenden', 'dialogue', null],
  ['Visitatierapport', 'report', null],
  ['Zelfevaluatie', 'report', 'Raad van toezicht'],
  ['Voortgangsrapportage', 'report', null],
];

export const WAIVE_REASONS = ['Vervallen door wetswijziging', 'Samengevoegd met het jaarverslag', 'Niet van toepassing dit jaar'] as const;
