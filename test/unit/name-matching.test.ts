import { describe, expect, it } from 'vitest';
import {
  familyCores, formatInitials, isPhoneNumber, isPostcode, normalisePostcode, organisationMatchReasons, organisationNameKey,
  personDisplayName, personMatchReasons, personNameKey, personNamesMatch, type PersonName,
} from '~/modules/parties/rules';

/** `Given|Initials|tussenvoegsel|Family`, so the table below reads like a list of names. */
function name(spec: string): PersonName {
  const [givenName, initials, tussenvoegsel, familyName] = spec.split('|');
  return { givenName: givenName || null, initials: initials || null, tussenvoegsel: tussenvoegsel || null, familyName: familyName! };
}

const MUST_MATCH: [string, string, string][] = [
  ['Jan||de|Vries', '|J.|de|Vries', 'initial against a given name'],
  ['Jan||de|Vries', 'jan||DE|VRIES', 'case'],
  ['Johannes Petrus||van der|Berg', '|J.P.|v.d.|Berg', 'v.d. for van der, two initials'],
  ['Johannes Petrus||van der|Berg', '|JP|vd|Berg', 'vd and initials without dots'],
  ['Jan||van den|Berg', '|J.P.|van der|Berg', 'van den / van der, J. fits J.P.'],
  ['Jan|||van den Berg', 'Jan||van den|Berg', 'tussenvoegsel typed inside the family name'],
  ['Jan|||Berg, van den', 'Jan||van den|Berg', 'the sort form “Berg, van den”'],
  ['Mieke||ter|Horst', '|M.||Horst', 'a forgotten tussenvoegsel'],
  ['Pieter||van ’t|Hof', 'Pieter||van het|Hof', '’t for het'],
  ['Zoë||de|Müller', 'Zoe||de|Muller', 'diacritics'],
  ['Chloé|||Dubois', 'chloe|||DUBOIS', 'diacritics and case'],
  ['Anna|||Jansen-de Vries', '|A.|de|Vries', 'a double family name contains her own'],
  ['Anna|||Jansen-de Vries', 'Anna|||Jansen', 'a double family name contains her partner’s'],
  ['Anna|||Jansen-de Vries', 'Anna|||de Vries-Jansen', 'the parts of a double name in the other order'],
  ['Anna|||Jansen - de Vries', 'Anna|||Jansen-de Vries', 'spaces around the hyphen'],
  ['Kees|C.|ten|Brink', 'Cornelis||ten|Brink', 'a call name with the formal initial'],
  ['Theodorus||de|Wit', '|Th.J.|de|Wit', 'Th. is one initial'],
  ['IJsbrand||de|Jong', '|IJ.|de|Jong', 'IJ is one initial'],
  ['Jan-Willem|||Smit', '|J.W.||Smit', 'a hyphenated given name against its two initials'],
  ['|||Bakker', 'Sanne|||Bakker', 'no first name known on one side'],
  ['Els||d’|Ancona', 'Els|||Ancona', 'd’ as a tussenvoegsel'],
];

const MUST_NOT_MATCH: [string, string, string][] = [
  ['Jan||de|Vries', 'Piet||de|Vries', 'different given names'],
  ['|J.|de|Vries', '|P.|de|Vries', 'different initials'],
  ['|J.P.|de|Vries', '|J.K.|de|Vries', 'different second initials'],
  ['Jan||de|Vries', 'Joost||de|Vries', 'same initial, different given names'],
  ['Jan|J.|de|Vries', 'Joost|J.|de|Vries', 'stated initials that are just their own given names'],
  ['Jan-Willem||de|Vries', 'Jan||de|Vries', 'Jan-Willem is not Jan'],
  ['Jan||van der|Berg', 'Jan||van den|Bergh', 'Berg is not Bergh'],
  ['Jan||de|Jong', 'Jan||de|Jonge', 'Jong is not Jonge'],
  ['Anna|||Smit', 'Anna|||Smits', 'Smit is not Smits'],
  ['Anna|||Jansen-de Vries', 'Anna|||Bakker-de Vries', 'two double names sharing one part'],
];

describe('Dutch person names', () => {
  it.each(MUST_MATCH)('%s ≈ %s (%s)', (a, b) => {
    expect(personNamesMatch(name(a), name(b))).toBe(true);
    expect(personNamesMatch(name(b), name(a))).toBe(true);
  });

  it.each(MUST_NOT_MATCH)('%s ≠ %s (%s)', (a, b) => {
    expect(personNamesMatch(name(a), name(b))).toBe(false);
    expect(personNamesMatch(name(b), name(a))).toBe(false);
  });

  it('a double name contains a single one, so “de Vries” does fit “Vries-Bakker”', () => {
    // Documented behaviour: one family name inside a double one is a likely match, for people to judge.
    expect(personNamesMatch(name('Anna|||de Vries'), name('Anna|||Vries-Bakker'))).toBe(true);
  });

  it('folds tussenvoegsels, diacritics and the order of a double name into the stored key', () => {
    expect(familyCores('Berg', 'van der')).toEqual(['berg']);
    expect(familyCores('Jansen-de Vries')).toEqual(['jansen', 'vries']);
    expect(familyCores('de Vries-Jansen')).toEqual(['jansen', 'vries']);
    expect(familyCores('Ter')).toEqual(['ter']);
    expect(personNameKey(name('Jan Willem||van den|Berg'))).toBe('berg|jw');
    expect(personNameKey(name('|J.W.|v.d.|Berg'))).toBe('berg|jw');
    expect(personNameKey(name('Zoë||de|Müller-Öztürk'))).toBe('muller ozturk|z');
  });

  it('writes names and initials the way people read them', () => {
    expect(personDisplayName(name('Jan||van den|Berg'))).toBe('Jan van den Berg');
    expect(personDisplayName(name('|J.P.|van den|Berg'))).toBe('J.P. van den Berg');
    expect(formatInitials('jp')).toBe('J.P.');
    expect(formatInitials('th.j')).toBe('Th.J.');
    expect(formatInitials('ij')).toBe('I.J.');
    expect(formatInitials('IJ.')).toBe('IJ.');
  });
});

describe('duplicate reasons', () => {
  it('gives every reason an existing person matches for', () => {
    const entered = { ...name('Jan||de|Vries'), email: 'J.de.Vries@Example.nl', postcode: '1234 AB', houseNumber: '12a' };
    const existing = { ...name('|J.|de|Vries'), email: 'j.de.vries@example.nl', postcode: '1234 AB', houseNumber: '12A' };
    expect(personMatchReasons(entered, existing)).toEqual(['name', 'email', 'address']);
  });

  it('matches on a business email of a position and on an address alone', () => {
    expect(personMatchReasons({ ...name('Jan||de|Vries'), email: 'jan@gemeente.nl' }, { ...name('Piet|||Bakker'), otherEmails: ['jan@gemeente.nl'] }))
      .toEqual(['email']);
    expect(personMatchReasons({ ...name('Jan||de|Vries'), postcode: '1234 AB', houseNumber: '1' }, { ...name('Piet|||Bakker'), postcode: '1234 AB', houseNumber: '1' }))
      .toEqual(['address']);
    expect(personMatchReasons({ ...name('Jan||de|Vries'), postcode: '1234 AB', houseNumber: '1' }, { ...name('Piet|||Bakker'), postcode: '1234 AB', houseNumber: '3' }))
      .toEqual([]);
  });

  it.each([
    ['Gemeente Utrecht', 'gemeente  utrecht', true],
    ['Stichting De Woonbond', 'Woonbond', true],
    ['Bouwbedrijf Jansen B.V.', 'Bouwbedrijf Jansen BV', true],
    ['Café Noord v.o.f.', 'Cafe Noord', true],
    ['Huurders & Co', 'Huurders en Co', true],
    ['Gemeente Utrecht', 'Provincie Utrecht', false],
    ['Woonstichting Vecht', 'Woonstichting Vechtdal', false],
  ])('organisation “%s” against “%s”: %s', (a, b, same) => {
    expect(organisationNameKey(a) === organisationNameKey(b)).toBe(same);
  });

  it('matches organisations on KvK number, email and address too', () => {
    expect(organisationMatchReasons({ name: 'A', kvkNumber: '12345678' }, { name: 'B', kvkNumber: '12345678' })).toEqual(['kvk']);
    expect(organisationMatchReasons({ name: 'Gemeente Utrecht', email: 'info@utrecht.nl' }, { name: 'gemeente utrecht', email: 'INFO@utrecht.nl' }))
      .toEqual(['name', 'email']);
  });
});

describe('postcodes and phone numbers', () => {
  it.each([
    ['1234AB', '1234 AB'], ['1234 ab', '1234 AB'], ['1234ab', '1234 AB'], [' 9999 zz ', '9999 ZZ'],
  ])('%s is stored as %s', (typed, stored) => {
    expect(isPostcode(typed)).toBe(true);
    expect(normalisePostcode(typed)).toBe(stored);
  });

  it.each(['0123 AB', '123 AB', '12345 AB', '1234 A', '1234-AB', 'AB 1234', ''])('%s is not a Dutch postcode', (typed) => {
    expect(isPostcode(typed)).toBe(false);
  });

  it.each([['020 123 4567', true], ['+31 6 12345678', true], ['(030) 123-4567', true], ['12345', false], ['call me', false], ['+31 6 1234 5678 9012 34', false]])(
    'phone %s → %s', (typed, ok) => {
      expect(isPhoneNumber(typed)).toBe(ok);
    },
  );
});
