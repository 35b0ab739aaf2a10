import { describe, expect, test } from 'vitest';
import {
  currentLanguage, descriptionOf, expectAccessible, expectHeading, expectToast, INSTITUTIONS, signIn, switchLanguage, today, translator, useBrowser,
} from './support';

const browser = useBrowser();
const t = translator('en');

/**
 * The secretary's forms in a browser that runs no JavaScript at all: every submit is a plain HTML
 * form post and every answer a full page, so a form that only works through client code fails here.
 */
describe('the secretary without JavaScript', () => {
  test('signs in, renders an overdue moment with an evidence file (after a refused date), meets the duplicate warning, and switches language', async () => {
    const page = await browser.newPage({ javaScript: false });
    expect(await page.evaluate(() => typeof (window as { __remixContext?: unknown }).__remixContext)).toBe('undefined');
    await signIn(page, 'secretary', 'en');

    // Calendar → overdue → the first overdue moment.
    const nav = page.getByRole('navigation', { name: t('nav.main') });
    await nav.getByRole('link', { name: INSTITUTIONS.college, exact: true }).click();
    await expectHeading(page, INSTITUTIONS.college);
    await nav.getByRole('link', { name: t('nav.calendar'), exact: true }).click();
    await expectHeading(page, t('calendar:title'));
    await page.getByRole('navigation', { name: t('calendar:tabs.label') }).getByRole('link', { name: t('calendar:tabs.overdue') }).click();
    await page.waitForURL(/status=overdue/);
    await expectAccessible(page);
    await page.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
    await page.getByRole('region', { name: t('obligations:moment.render') }).waitFor();
    expect(await page.locator('.page-header .subtitle').textContent()).toContain(t('obligations:status.overdue'));
    await expectAccessible(page);

    // A rendering dated in the future is refused: the message sits at the field, the note stays.
    let form = page.getByRole('region', { name: t('obligations:moment.render') });
    await form.getByLabel(t('obligations:moment.renderedOn'), { exact: true }).fill('2099-01-01');
    await form.getByLabel(t('obligations:moment.note'), { exact: true }).fill('Sent to DUO by secure upload.');
    await form.getByRole('button', { name: t('obligations:moment.recordRendering') }).click();
    form = page.getByRole('region', { name: t('obligations:moment.render') });
    const dateField = form.getByLabel(t('obligations:moment.renderedOn'), { exact: true });
    await expect.poll(() => dateField.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(dateField)).toContain(t('obligations:moment.renderedInFuture'));
    expect(await form.getByLabel(t('obligations:moment.note'), { exact: true }).inputValue()).toBe('Sent to DUO by secure upload.');
    await expectAccessible(page);

    // Corrected, with a file: a multipart post without any script.
    await dateField.fill(today());
    await form.getByLabel(t('obligations:attachments.file'), { exact: true }).setInputFiles({
      name: 'upload-receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('Receipt of the upload.\n'),
    });
    await form.getByRole('button', { name: t('obligations:moment.recordRendering') }).click();
    await expectToast(page, t('obligations:toast.rendered'));
    expect(await page.locator('.page-header .subtitle').textContent()).toContain(t('obligations:status.rendered-late'));
    const evidence = page.getByRole('region', { name: t('obligations:moment.evidence'), exact: true });
    const href = await evidence.getByRole('link', { name: 'upload-receipt.txt' }).getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe('Receipt of the upload.\n');
    await expectAccessible(page);

    // A person whose name the directory knows: the warning, then "create anyway" as a second button.
    await page.goto(new URL(page.url()).pathname.replace(/\/moments\/.*/, '/parties/persons'));
    await expectHeading(page, t('parties:persons.title'));
    await page.getByRole('link', { name: t('parties:persons.new'), exact: true }).click();
    await expectHeading(page, t('parties:persons.newTitle'));
    await page.getByLabel(t('parties:fields.initials'), { exact: true }).fill('K.');
    await page.getByLabel(t('parties:fields.familyName'), { exact: true }).fill('Dijkstra');
    await page.getByLabel(t('parties:fields.source'), { exact: true }).fill('Letter of 2 March');
    await page.getByRole('button', { name: t('parties:persons.create') }).click();
    const match = page.getByRole('alert').getByRole('listitem').filter({ hasText: 'Karin Dijkstra' });
    await match.waitFor();
    expect(await page.getByLabel(t('parties:fields.source'), { exact: true }).inputValue()).toBe('Letter of 2 March');
    await expectAccessible(page);
    await page.getByRole('button', { name: t('parties:duplicates.createAnyway') }).click();
    await expectHeading(page, 'K. Dijkstra');
    await expectToast(page, t('parties:toast.personCreated'));
    await expectAccessible(page);

    // The language switch is a form too.
    await switchLanguage(page, 'nl');
    expect(await currentLanguage(page)).toBe('nl');
    await expectHeading(page, 'K. Dijkstra');
    await page.getByRole('navigation', { name: translator('nl')('nav.main') }).waitFor();
    await expectAccessible(page);
    await switchLanguage(page, 'en');
  });
});
