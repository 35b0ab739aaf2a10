import { escapeText, foldLine } from '~/utils/ics';

/**
 * A person as a vCard 4.0 (RFC 6350) business card, written so that the import reads it back as
 * the same person, position and organisation (app/modules/imports/vcard.ts): the person's own
 * email, phone and address typed `home`, each current position's details typed `work` and grouped
 * (`position1.ORG`, `position1.TITLE`…) so an address book keeps them together. Pure, no I/O.
 *
 * Escaping (RFC 6350 3.4) and folding at 75 octets with CRLF (3.2) are iCalendar's rules too, so
 * the calendar feed's writer does both.
 */
export type CardPerson = {
  givenName: string | null;
  tussenvoegsel: string | null;
  familyName: string;
  initials: string | null;
  displayName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
};

export type CardPosition = {
  title: string;
  businessEmail: string | null;
  businessPhone: string | null;
  organisation: {
    name: string;
    street: string | null;
    houseNumber: string | null;
    postcode: string | null;
    city: string | null;
    website: string | null;
  };
};

type Address = { street: string | null; houseNumber: string | null; postcode: string | null; city: string | null };

const component = (value: string | null | undefined) => escapeText(value ?? '');

/** ADR: post office box; extended address; street; locality; region; postal code; country. */
function adr(address: Address): string | null {
  if (!address.street && !address.postcode && !address.city) return null;
  const street = [address.street, address.houseNumber].filter(Boolean).join(' ');
  return ['', '', street, address.city, '', address.postcode, ''].map(component).join(';');
}

export function personVCard(person: CardPerson, positions: CardPosition[], uid: string): string {
  // The family component holds the tussenvoegsel as written (`van der Berg`): that is how an
  // address book sorts and shows Dutch names, and how the import splits them again.
  const family = [person.tussenvoegsel, person.familyName].filter(Boolean).join(' ');
  // No given name: the initials stand in its place (the import reads `J.P.` there as initials).
  const given = person.givenName ?? person.initials ?? '';
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'PRODID:-//Horizon//Horizon//NL',
    `UID:${uid}`,
    'KIND:individual',
    `FN:${component(person.displayName)}`,
    `N:${[family, given, '', '', ''].map(component).join(';')}`,
  ];
  if (person.email) lines.push(`EMAIL;TYPE=home:${component(person.email)}`);
  if (person.phone) lines.push(`TEL;TYPE=home,voice:${component(person.phone)}`);
  const home = adr(person);
  if (home) lines.push(`ADR;TYPE=home:${home}`);
  positions.forEach((position, index) => {
    const group = `position${index + 1}.`;
    lines.push(`${group}ORG:${component(position.organisation.name)}`, `${group}TITLE:${component(position.title)}`);
    if (position.businessEmail) lines.push(`${group}EMAIL;TYPE=work:${component(position.businessEmail)}`);
    if (position.businessPhone) lines.push(`${group}TEL;TYPE=work,voice:${component(position.businessPhone)}`);
    const work = adr(position.organisation);
    if (work) lines.push(`${group}ADR;TYPE=work:${work}`);
    // URL is a URI, not text: nothing to escape.
    if (position.organisation.website) lines.push(`${group}URL;TYPE=work:${position.organisation.website}`);
  });
  lines.push('END:VCARD');
  return lines.map(foldLine).join('');
}
