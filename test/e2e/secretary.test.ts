import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { formatDay } from '~/utils/dates';
import {
  arrowToOption, axeCoverage, currentLanguage, expectAccessible, expectHeading, expectToast, INSTITUTIONS, signIn, switchLanguage, tabTo,
  today, translator, useBrowser, type Language,
} from './support';

const browser = useBrowser();

/**
 * What the secretary types, per run, so the English and the Dutch run each make their own records.
 * `person` is someone the demo directory already knows by a fuller name (`match`); the secretary
 * either takes that record (`existing`) or decides it is someone else (`new`).
 */
type Names = {
  person: { initials: string; familyName: string; email: string; match: string; choice: 'existing' | 'new' };
  agreement: string; obligation: string; subject: string;
};

/**
 * The board secretary of Vecht College at work, from the dashboard on: a new person becomes a
 * stakeholder (past the duplicate warning), a contact is recorded, an agreement with an
 * obligation is made, and the first due moment is rendered with evidence. Every page on the way
 * is checked with axe in the page's language; the agreement form is completed by keyboard alone.
 */
async function secretaryJourney(page: Page, lng: Language, names: Names) {
  const t = translator(lng);
  const { person } = names;
  const fullName = person.choice === 'existing' ? person.match : `${person.initials} ${person.familyName}`;

  // The institution, from the sidebar.
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: INSTITUTIONS.college, exact: true }).click();
  await expectHeading(page, INSTITUTIONS.college);
  await expectAccessible(page);

  // The register, and "add a stakeholder": the party is looked for first.
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.stakeholders'), exact: true }).click();
  await expectHeading(page, t('stakeholders:register.title'));
  await expectAccessible(page);
  await page.getByRole('link', { name: t('stakeholders:register.new'), exact: true }).click();
  await expectHeading(page, t('stakeholders:new.title'));
  await page.getByLabel(t('stakeholders:new.kind'), { exact: true }).selectOption({ label: t('stakeholders:partyKinds.person') });
  await page.getByRole('search').getByRole('button', { name: t('common:actions.search') }).click();
  await page.getByRole('heading', { name: t('stakeholders:new.candidates', { kind: t('stakeholders:partyKinds.person') }) }).waitFor();
  await expectAccessible(page);

  // The person is not there as a stakeholder: add them to the directory first.
  await page.getByRole('link', { name: t('stakeholders:new.createParty.person') }).click();
  await expectHeading(page, t('parties:persons.newTitle'));
  await expectAccessible(page);
  await page.getByLabel(t('parties:fields.initials'), { exact: true }).fill(person.initials);
  await page.getByLabel(t('parties:fields.familyName'), { exact: true }).fill(person.familyName);
  await page.getByLabel(t('parties:fields.email'), { exact: true }).fill(person.email);
  await page.getByRole('button', { name: t('parties:persons.create') }).click();

  // Horizon finds a namesake already in the directory, says why, and lets the secretary choose.
  const warning = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: /./ }) });
  await warning.waitFor();
  expect(await warning.getByRole('heading').textContent()).toMatch(new RegExp(`^(${t('parties:duplicates.title_one')}|${t('parties:duplicates.title')})$`));
  const match = warning.getByRole('listitem').filter({ hasText: person.match });
  await match.waitFor();
  expect(await match.textContent()).toContain(t('parties:duplicates.reasons.name'));
  // The form kept what was typed.
  expect(await page.getByLabel(t('parties:fields.email'), { exact: true }).inputValue()).toBe(person.email);
  await expectAccessible(page);
  if (person.choice === 'existing') {
    // The same person: continue with the record the directory has.
    await match.getByRole('link', { name: t('parties:duplicates.useExisting') }).click();
  } else {
    // Someone else of that name: create anyway, a decision the audit trail records.
    await page.getByRole('button', { name: t('parties:duplicates.createAnyway') }).click();
    await expectToast(page, t('parties:toast.personCreated'));
  }

  // Back on "add a stakeholder", with the person chosen.
  await page.getByRole('heading', { name: t('stakeholders:new.aboutParty', { name: fullName }) }).waitFor();
  await expectAccessible(page);
  await page.getByLabel(t('stakeholders:fields.category'), { exact: true }).selectOption({ label: t('stakeholders:categories.client-representation') });
  await page.getByLabel(t('stakeholders:fields.tier'), { exact: true }).selectOption({ label: t('stakeholders:tiers.b') });
  await page.getByLabel(t('stakeholders:fields.description'), { exact: true }).fill('Chair of the student council');
  await page.getByRole('button', { name: t('stakeholders:new.create') }).click();
  await expectHeading(page, fullName);
  await expectToast(page, t('stakeholders:toast.created'));
  await expectAccessible(page);

  // A contact with the new stakeholder, from their engagements tab (the stakeholder is preselected).
  await page.getByRole('navigation', { name: t('stakeholders:tabs.label') }).getByRole('link', { name: t('stakeholders:tabs.engagements') }).click();
  await page.getByRole('link', { name: t('stakeholders:engagements.record') }).click();
  await expectHeading(page, t('stakeholders:engagements.newTitle'));
  await expectAccessible(page);
  const stakeholderList = page.getByLabel(t('stakeholders:fields.stakeholders'), { exact: true });
  expect(await stakeholderList.evaluate((s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.label))).toEqual([fullName]);
  await page.getByLabel(t('stakeholders:fields.subject'), { exact: true }).fill(names.subject);
  await page.getByLabel(t('stakeholders:fields.summary'), { exact: true }).fill('Introductory meeting about the student charter.');
  await page.getByRole('button', { name: t('stakeholders:engagements.save') }).click();
  await expectHeading(page, names.subject);
  await expectToast(page, t('stakeholders:toast.engagementRecorded'));
  await expectAccessible(page);

  // An agreement, by keyboard alone: Tab from field to field, type, arrows in lists, Space, Enter.
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.agreements'), exact: true }).click();
  await expectHeading(page, t('agreements:list.title'));
  await expectAccessible(page);
  await page.getByRole('link', { name: t('agreements:list.new'), exact: true }).click();
  await expectHeading(page, t('agreements:form.newTitle'));
  await expectAccessible(page);
  await tabTo(page, page.getByLabel(t('agreements:form.title'), { exact: true }));
  await page.keyboard.type(names.agreement);
  const kind = page.getByLabel(t('agreements:form.kind'), { exact: true });
  await tabTo(page, kind);
  await arrowToOption(page, kind, t('agreements:kinds.covenant'));
  await tabTo(page, page.getByLabel(t('agreements:form.goals'), { exact: true }));
  await page.keyboard.type('The council is heard on the student charter each year.');
  await tabTo(page, page.getByRole('checkbox', { name: fullName }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: t('agreements:form.create') }));
  await page.keyboard.press('Enter');
  await expectHeading(page, names.agreement);
  await expectToast(page, t('agreements:toast.created'));
  await expectAccessible(page);

  // An obligation under it: report to the council every year on 1 April.
  await page.getByRole('link', { name: t('agreements:detail.addObligation') }).click();
  await expectHeading(page, t('obligations:form.newTitle'));
  await expectAccessible(page);
  await page.getByLabel(t('obligations:form.title'), { exact: true }).fill(names.obligation);
  await page.getByRole('group', { name: t('obligations:form.stakeholders') }).getByRole('checkbox', { name: fullName }).check();
  await page.getByLabel(t('obligations:form.recurrenceKind'), { exact: true }).selectOption({ label: t('obligations:form.recurrenceKinds.yearly') });
  await page.getByLabel(t('obligations:form.day'), { exact: true }).fill('1');
  await page.getByLabel(t('obligations:form.month'), { exact: true }).selectOption({ label: t('obligations:form.months.4') });
  expect(await page.getByLabel(t('obligations:form.agreement'), { exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.label)).toContain(names.agreement);
  await page.getByRole('button', { name: t('obligations:form.create') }).click();
  await expectHeading(page, names.obligation);
  await expectToast(page, t('obligations:toast.created'));
  await expectAccessible(page);

  // The first moment is due on 1 April, inside the 30-day lead time of the pinned today (16 March):
  // due soon. Render it with evidence.
  const dueOn = formatDay(`${today().slice(0, 4)}-04-01`, lng);
  await page.getByRole('link', { name: dueOn, exact: true }).click();
  await expectHeading(page, new RegExp(`^${names.obligation} — `));
  expect(await page.locator('.page-header .subtitle').textContent()).toContain(t('obligations:status.due-soon'));
  await expectAccessible(page);
  const renderForm = page.getByRole('region', { name: t('obligations:moment.render') });
  await renderForm.getByLabel(t('obligations:moment.note'), { exact: true }).fill('Sent to the council chair and discussed in the April meeting.');
  await renderForm.getByLabel(t('obligations:attachments.file'), { exact: true }).setInputFiles({
    name: 'student-charter-report.txt', mimeType: 'text/plain', buffer: Buffer.from('Report to the student council, 2025.\n'),
  });
  await renderForm.getByLabel(t('obligations:attachments.title'), { exact: true }).fill('Report to the council');
  await renderForm.getByRole('button', { name: t('obligations:moment.recordRendering') }).click();
  await expectToast(page, t('obligations:toast.rendered'));
  const account = page.getByRole('region', { name: t('obligations:moment.account'), exact: true });
  await expect.poll(() => account.textContent()).toContain(formatDay(today(), lng));
  expect(await page.locator('.page-header .subtitle').textContent()).toContain(t('obligations:status.rendered'));
  await expectAccessible(page);

  // The evidence downloads as it was uploaded.
  const evidence = page.getByRole('region', { name: t('obligations:moment.evidence'), exact: true }).getByRole('link', { name: 'Report to the council' });
  const [download] = await Promise.all([page.waitForEvent('download'), evidence.click()]);
  expect(await readFile((await download.path())!, 'utf8')).toBe('Report to the student council, 2025.\n');

  // The stakeholder's page ties it together: the agreement and the obligation are theirs.
  await page.getByRole('link', { name: fullName }).first().click();
  await expectHeading(page, fullName);
  await page.getByRole('navigation', { name: t('stakeholders:tabs.label') }).getByRole('link', { name: t('stakeholders:tabs.commitments') }).click();
  await page.getByRole('link', { name: names.agreement }).waitFor();
  await page.getByRole('link', { name: names.obligation }).waitFor();
  await expectAccessible(page);
}

describe('the board secretary of Vecht College', () => {
  test('records a stakeholder past the duplicate warning, a contact, an agreement (by keyboard) with an obligation, and renders a due moment with evidence', async () => {
    const page = await browser.newPage();
    await signIn(page, 'secretary', 'en');
    await secretaryJourney(page, 'en', {
      person: { initials: 'A.', familyName: 'Bouzid', email: 'a.bouzid@student.vechtcollege.example', match: 'Ahmed Bouzid', choice: 'existing' },
      agreement: 'Student council covenant', obligation: 'Annual report to the student council', subject: 'Student charter kick-off',
    });
  });

  test('the language switch turns the same journey Dutch', async () => {
    const page = await browser.newPage();
    await signIn(page, 'secretary', 'en');
    const en = translator('en');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await switchLanguage(page, 'nl');
    expect(await currentLanguage(page)).toBe('nl');
    const nl = translator('nl');
    // The chrome speaks Dutch now, and the English words are gone.
    const nav = page.getByRole('navigation', { name: nl('nav.main') });
    await nav.getByRole('link', { name: nl('nav.agreements'), exact: true }).waitFor();
    expect(await page.getByRole('navigation', { name: en('nav.main') }).count()).toBe(0);
    try {
      await secretaryJourney(page, 'nl', {
        person: { initials: 'E.', familyName: 'Verhoef', email: 'e.verhoef@ouders.example', match: 'Els Verhoef', choice: 'new' },
        agreement: 'Convenant studentenraad', obligation: 'Jaarlijkse verantwoording aan de studentenraad', subject: 'Kennismaking studentenstatuut',
      });
      // axe saw every page of the journey in Dutch as well as in English (when the English run ran before).
      if (axeCoverage('en').length) expect(axeCoverage('nl')).toEqual(axeCoverage('en'));
    } finally {
      // The switch is the user's saved setting: put it back for the journeys after this one.
      if (!page.isClosed()) await switchLanguage(page, 'en').catch(() => undefined);
    }
  });
});
