/**
 * The import's column set: one row per contact line, describing an organisation, a person, or a
 * person in a position at an organisation. Headers are matched loosely (case, accents, spaces and
 * punctuation ignored), in English or Dutch, and the usual Outlook and Google contact-export headers
 * are understood too. Shared by the server (parsing) and the page (documentation, template).
 */
export const COLUMN_GROUPS = {
  organisation: [
    'organisation', 'organisationKind', 'kvkNumber', 'organisationEmail', 'organisationPhone', 'website',
    'organisationStreet', 'organisationHouseNumber', 'organisationPostcode', 'organisationCity',
  ],
  person: [
    'givenName', 'initials', 'tussenvoegsel', 'familyName', 'email', 'phone', 'street', 'houseNumber', 'postcode', 'city',
    'source', 'legalBasis',
  ],
  position: ['title', 'businessEmail', 'businessPhone', 'startsOn', 'endsOn'],
} as const;

export type ColumnGroup = keyof typeof COLUMN_GROUPS;
export type ColumnKey = (typeof COLUMN_GROUPS)[ColumnGroup][number];
export const COLUMN_KEYS: readonly ColumnKey[] = [...COLUMN_GROUPS.organisation, ...COLUMN_GROUPS.person, ...COLUMN_GROUPS.position];

/** The template's headers: English, and Dutch (what a Dutch spreadsheet user would type). */
export const TEMPLATE_HEADERS: Record<'en' | 'nl', Record<ColumnKey, string>> = {
  en: {
    organisation: 'organisation', organisationKind: 'organisation_kind', kvkNumber: 'kvk_number', organisationEmail: 'organisation_email',
    organisationPhone: 'organisation_phone', website: 'website', organisationStreet: 'organisation_street',
    organisationHouseNumber: 'organisation_house_number', organisationPostcode: 'organisation_postcode', organisationCity: 'organisation_city',
    givenName: 'given_name', initials: 'initials', tussenvoegsel: 'tussenvoegsel', familyName: 'family_name', email: 'email', phone: 'phone',
    street: 'street', houseNumber: 'house_number', postcode: 'postcode', city: 'city', source: 'source', legalBasis: 'legal_basis',
    title: 'title', businessEmail: 'business_email', businessPhone: 'business_phone', startsOn: 'starts_on', endsOn: 'ends_on',
  },
  nl: {
    organisation: 'organisatie', organisationKind: 'soort_organisatie', kvkNumber: 'kvk_nummer', organisationEmail: 'organisatie_email',
    organisationPhone: 'organisatie_telefoon', website: 'website', organisationStreet: 'organisatie_straat',
    organisationHouseNumber: 'organisatie_huisnummer', organisationPostcode: 'organisatie_postcode', organisationCity: 'organisatie_plaats',
    givenName: 'voornaam', initials: 'voorletters', tussenvoegsel: 'tussenvoegsel', familyName: 'achternaam', email: 'email', phone: 'telefoon',
    street: 'straat', houseNumber: 'huisnummer', postcode: 'postcode', city: 'plaats', source: 'bron', legalBasis: 'grondslag',
    title: 'functie', businessEmail: 'zakelijk_email', businessPhone: 'zakelijk_telefoon', startsOn: 'in_functie_sinds', endsOn: 'einddatum',
  },
};

// Other names people (and Outlook's and Google's exports) give the same column, already normalised.
const MORE_ALIASES: Partial<Record<ColumnKey, string[]>> = {
  organisation: ['organization', 'company', 'bedrijf', 'organisatienaam', 'organisationname', 'organizationname', 'organization1name', 'companyname'],
  organisationKind: ['organisationtype', 'organizationtype', 'kind', 'type', 'soort', 'organisatiesoort', 'organisatietype', 'organizationkind'],
  kvkNumber: ['kvk', 'kvknumber', 'kvknummer', 'cocnumber', 'chamberofcommercenumber', 'kamervankoophandel'],
  organisationEmail: ['organizationemail', 'organisatieemailadres'],
  organisationPhone: ['organizationphone', 'companymainphone', 'organisatietelefoonnummer'],
  website: ['webpage', 'webpagina', 'url', 'website1value', 'homepage'],
  organisationStreet: ['businessstreet', 'organizationstreet'],
  organisationHouseNumber: ['organizationhousenumber'],
  organisationPostcode: ['businesspostalcode', 'organizationpostcode', 'organizationpostalcode'],
  organisationCity: ['businesscity', 'organizationcity'],
  givenName: ['firstname', 'voornamen', 'roepnaam'],
  familyName: ['lastname', 'surname', 'familienaam', 'geslachtsnaam'],
  email: ['emailaddress', 'emailadres', 'email1value', 'privateemail', 'priveemail', 'homeemail'],
  phone: ['telephone', 'telefoonnummer', 'mobile', 'mobilephone', 'mobiel', 'mobielnummer', 'phone1value', 'homephone', 'privetelefoon'],
  street: ['straatnaam', 'homestreet'],
  postcode: ['postalcode', 'zip', 'zipcode', 'homepostalcode'],
  city: ['woonplaats', 'stad', 'homecity'],
  source: ['herkomst'],
  legalBasis: ['grondslagverwerking'],
  title: ['jobtitle', 'position', 'functietitel', 'organization1title', 'organizationtitle'],
  businessEmail: ['workemail', 'zakelijkemailadres', 'werkemail'],
  businessPhone: ['workphone', 'zakelijktelefoonnummer', 'telefoonwerk', 'telefoonopwerk'],
  startsOn: ['startdate', 'start', 'startdatum', 'vanaf', 'since', 'infunctie'],
  endsOn: ['enddate', 'end', 'tot', 'totenmet', 'uitfunctie'],
};

/** `E-mail Address` → `emailaddress`, `KvK-nummer` → `kvknummer`: what header matching compares. */
export function normaliseHeader(header: string): string {
  return header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const ALIASES: Map<string, ColumnKey> = (() => {
  const map = new Map<string, ColumnKey>();
  for (const key of COLUMN_KEYS) {
    for (const name of [key, TEMPLATE_HEADERS.en[key], TEMPLATE_HEADERS.nl[key], ...(MORE_ALIASES[key] ?? [])]) {
      map.set(normaliseHeader(name), key);
    }
  }
  return map;
})();

export function columnFor(header: string): ColumnKey | null {
  return ALIASES.get(normaliseHeader(header)) ?? null;
}

/** The file's limits: a bigger file is refused with a message saying so, before anything is parsed. */
export const MAX_FILE_BYTES = 1_000_000;
export const MAX_RECORDS = 1000;
