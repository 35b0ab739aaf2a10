import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectHeading, expectToast, INSTITUTIONS, signIn, translator, useBrowser, visit } from './support';

const browser = useBrowser();
const t = translator('en');

const institutionOf = (url: string) => Number(new URL(url).pathname.match(/^\/i\/(\d+)/)?.[1]);

async function openInstitution(page: Page, name: string) {
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name, exact: true }).click();
  await expectHeading(page, name);
  return institutionOf(page.url());
}

/**
 * Nobody sees an institution they are not a member of — not by following a URL someone passed
 * on. The manager of Woonstichting Lekstroom collects addresses of Lekstroom's pages and downloads
 * (and attaches a file, so there is one to download); the secretary of Vecht College tries them.
 */
describe('a user of one institution, given URLs of another', () => {
  test("the secretary of Vecht College gets 404 for Lekstroom's pages, records and downloads", async () => {
    const manager = await browser.newPage();
    await signIn(manager, 'manager', 'en');
    const lekstroom = await openInstitution(manager, INSTITUTIONS.housing);
    const nav = manager.getByRole('navigation', { name: t('nav.main') });

    // A stakeholder's page and the register's CSV.
    await nav.getByRole('link', { name: t('nav.stakeholders'), exact: true }).click();
    await expectHeading(manager, t('stakeholders:register.title'));
    const registerCsv = await manager.getByRole('link', { name: t('stakeholders:register.exportCsv') }).getAttribute('href');
    await manager.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
    await manager.getByRole('navigation', { name: t('stakeholders:tabs.label') }).waitFor();
    const stakeholderPage = manager.url();

    // A reporting moment, with a file attached to it, and the calendar's exports.
    await nav.getByRole('link', { name: t('nav.calendar'), exact: true }).click();
    await expectHeading(manager, t('calendar:title'));
    const calendarCsv = await manager.getByRole('link', { name: t('common:actions.downloadCsv') }).getAttribute('href');
    const calendarXlsx = await manager.getByRole('link', { name: t('common:actions.downloadXlsx') }).getAttribute('href');
    await manager.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
    const evidence = manager.getByRole('region', { name: t('obligations:moment.evidence'), exact: true });
    await evidence.waitFor();
    const momentPage = manager.url();
    await evidence.getByLabel(t('obligations:attachments.file'), { exact: true }).setInputFiles({
      name: 'board-minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Confidential minutes of Lekstroom.\n'),
    });
    await evidence.getByRole('button', { name: t('obligations:moment.addEvidenceButton') }).click();
    await expectToast(manager, t('obligations:toast.evidenceAdded'));
    const evidenceFile = await evidence.getByRole('link', { name: 'board-minutes.txt' }).getAttribute('href');

    const pages = [`/i/${lekstroom}`, stakeholderPage, momentPage, `/i/${lekstroom}/calendar`];
    const downloads = [evidenceFile!, registerCsv!, calendarCsv!, calendarXlsx!];
    // The addresses are real: their owner gets them.
    for (const url of pages) expect((await manager.request.get(url)).status(), url).toBe(200);
    for (const url of downloads) expect((await manager.request.get(url)).status(), url).toBe(200);
    expect(await (await manager.request.get(evidenceFile!)).text()).toBe('Confidential minutes of Lekstroom.\n');

    const secretary = await browser.newPage();
    await signIn(secretary, 'secretary', 'en');
    // Lekstroom is not among her institutions…
    const sidebar = secretary.getByRole('navigation', { name: t('nav.main') });
    await sidebar.getByRole('link', { name: INSTITUTIONS.college, exact: true }).waitFor();
    expect(await sidebar.getByRole('link', { name: INSTITUTIONS.housing }).count()).toBe(0);
    const vecht = await openInstitution(secretary, INSTITUTIONS.college);

    // …and its addresses answer "not found", as pages…
    for (const url of pages) {
      const response = await visit(secretary, url);
      expect(response.status(), url).toBe(404);
      await expectHeading(secretary, t('errors.notFoundTitle'));
    }
    await expectAccessible(secretary);
    // …as downloads, whose content never leaves…
    for (const url of downloads) {
      const response = await secretary.request.get(url);
      expect(response.status(), url).toBe(404);
      expect(await response.text()).not.toContain('Confidential minutes');
    }
    // …and with her own institution in the address but Lekstroom's record ids.
    for (const url of [stakeholderPage, momentPage, evidenceFile!]) {
      const own = new URL(url, 'http://x').pathname.replace(`/i/${lekstroom}/`, `/i/${vecht}/`);
      expect((await secretary.request.get(own)).status(), own).toBe(404);
    }
  });
});
