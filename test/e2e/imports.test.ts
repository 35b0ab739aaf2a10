import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  descriptionOf, expectAccessible, expectHeading, expectToast, INSTITUTIONS, signIn, textPattern, translator, useBrowser,
} from './support';

const browser = useBrowser();
const t = translator('en');

/** Three contacts from the employers' table, exported from Outlook: one new, one the register knows, one with a formula. */
const FIXTURE = path.resolve('test', 'e2e', 'fixtures', 'employers-table.csv');

/**
 * The secretary of Vecht College imports contacts: the preview shows every row first — the new
 * contact ready, the one whose name the directory already has waiting for a choice, the row with a
 * spreadsheet formula skipped with its reason — and importing without choosing is refused at that
 * row. Once chosen, the report lists what was added, what was linked and what was left out.
 */
describe('the secretary of Vecht College imports contacts', () => {
  test('previews a CSV, decides a likely duplicate is the known person, and reads the import report', async () => {
    const page = await browser.newPage();
    await signIn(page, 'secretary', 'en');
    const nav = page.getByRole('navigation', { name: t('nav.main') });
    await nav.getByRole('link', { name: INSTITUTIONS.college, exact: true }).click();
    await expectHeading(page, INSTITUTIONS.college);
    await nav.getByRole('link', { name: t('nav.imports'), exact: true }).click();
    await expectHeading(page, t('imports:title'));
    await expectAccessible(page);

    // Step 1: the file, where it came from, and on what basis its persons are kept.
    const upload = page.getByRole('form', { name: t('imports:upload.title') });
    await upload.getByLabel(t('imports:upload.file'), { exact: true }).setInputFiles(FIXTURE);
    await upload.getByLabel(t('imports:upload.source'), { exact: true }).fill("Employers' table, March");
    await upload.getByLabel(t('imports:upload.legalBasis'), { exact: true }).selectOption({ label: t('parties:legalBases.legitimate-interests') });
    await upload.getByRole('button', { name: t('imports:upload.preview') }).click();

    // Step 2: the preview, nothing written yet.
    const preview = page.getByRole('region', { name: t('imports:preview.title', { file: 'employers-table.csv' }) });
    await preview.waitFor();
    expect(await preview.textContent()).toContain(t('imports:preview.ignoredColumns', { columns: 'Notes' }));
    const rows = preview.getByRole('table', { name: t('imports:preview.caption') }).getByRole('row');
    const row = (name: string) => rows.filter({ hasText: name });
    expect(await row('Noor Haddou').textContent()).toContain(t('imports:preview.ok'));
    expect(await row('Johan Smit').textContent()).toContain(t('imports:preview.choose'));
    const formulaRow = row('=HYPERLINK');
    expect(await formulaRow.textContent()).toContain(t('imports:preview.skipped'));
    expect(await formulaRow.textContent()).toContain(`${t('imports:columns.familyName')}: ${t('imports:errors.formula')}`);
    await expectAccessible(page);

    // Importing before choosing is refused at the undecided row, and nothing is written.
    const johan = row('Johan Smit').getByRole('combobox', { name: textPattern('en', 'imports:preview.choiceFor.person') });
    const useExisting = textPattern('en', 'imports:choices.existing');
    const known = (await johan.locator('option').allTextContents()).find((label) => useExisting.test(label) && label.includes('Johan Smit'));
    expect(known, 'the choice "Use existing: Johan Smit …"').toBeDefined();
    expect(known).toContain(t('parties:duplicates.reasons.name'));
    await preview.getByRole('button', { name: t('imports:preview.import'), exact: true }).click();
    await expect.poll(() => johan.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(johan)).toContain(t('imports:errors.chooseMatch'));
    await expectAccessible(page);

    // The same Johan Smit as in the register; import.
    await johan.selectOption({ label: known! });
    await preview.getByRole('button', { name: t('imports:preview.import'), exact: true }).click();
    await expectHeading(page, t('imports:report.title'));
    await expectToast(page, t('imports:toast.imported'));

    // The report: one organisation and one person added, Johan and his firm linked, one row skipped and why.
    const stat = (label: string) => page.locator('.stat').filter({ has: page.getByText(label, { exact: true }) }).locator('.stat-value');
    expect(await stat(t('imports:report.organisationsCreated')).textContent()).toBe('1');
    expect(await stat(t('imports:report.personsCreated')).textContent()).toBe('1');
    expect(await stat(t('imports:report.skipped')).textContent()).toBe('1');
    const list = (heading: string) => page.locator('section').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
    await list(t('imports:report.organisationsCreated')).getByRole('link', { name: 'Stichting Techniekpact Utrecht' }).waitFor();
    await list(t('imports:report.personsCreated')).getByRole('link', { name: 'Noor Haddou' }).waitFor();
    await list(t('imports:report.linkedPersons')).getByRole('link', { name: 'Johan Smit' }).waitFor();
    await list(t('imports:report.linkedOrganisations')).getByRole('link', { name: 'Bouwbedrijf Van Wijk & Zonen' }).waitFor();
    expect(await list(t('imports:report.skippedTitle')).textContent()).toContain(t('imports:errors.formula'));
    await expectAccessible(page);

    // The new person is in the directory, with the position the file gave her.
    await list(t('imports:report.personsCreated')).getByRole('link', { name: 'Noor Haddou' }).click();
    await expectHeading(page, 'Noor Haddou');
    await page.getByRole('main').getByText('Programmamanager').first().waitFor();
    await expectAccessible(page);
  });
});
