import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  axeVisited, descriptionOf, editControlsIn, expectAccessible, expectHeading, expectToast, INSTITUTIONS, revisitAccessible, signIn, switchLanguage, today,
  translator, useBrowser,
} from './support';

const browser = useBrowser();
const t = translator('en');
const year = Number(today().slice(0, 4));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

/** What the manager says per statement of the Governancecode Woningcorporaties (five principles). */
const STATEMENTS = [
  { status: 'explains', explanation: 'Context: the tenant panel met twice instead of four times. Reason: a new board. Risks and measures: the tenants\u2019 association was consulted in writing. Compliance: four meetings again from next year.' },
  { status: 'complies', explanation: 'We account for our performance in the annual report and in the tenants\u2019 meeting every spring.' },
  { status: 'partially', explanation: 'Two commissioners followed fewer training hours than the standard; a catch-up programme runs this year.' },
  { status: 'complies', explanation: 'The performance agreements are made with the municipalities and the tenants\u2019 association together.' },
  { status: 'complies', explanation: 'The risk framework is reviewed by the supervisory board every quarter.' },
] as const;

/**
 * The manager of Woonstichting Lekstroom prepares this year's accountability: opens the year,
 * makes a statement with an explanation on every principle of the housing code (a deviation
 * without one is refused first), approves and locks the year, and downloads the overview and
 * the jaarverslag chapter.
 */
describe('the manager of Woonstichting Lekstroom', () => {
  test('completes the statements with explanations, approves the year, and downloads the overview and the jaarverslag chapter', async () => {
    const page = await browser.newPage();
    await signIn(page, 'manager', 'en');
    const nav = page.getByRole('navigation', { name: t('nav.main') });
    await nav.getByRole('link', { name: INSTITUTIONS.housing, exact: true }).click();
    await expectHeading(page, INSTITUTIONS.housing);
    await nav.getByRole('link', { name: t('nav.compliance'), exact: true }).click();
    await expectHeading(page, t('compliance:index.title'));
    await expectAccessible(page);

    // Open this year, empty: every principle not assessed yet.
    const years = page.getByRole('table', { name: t('compliance:index.yearsCaption') });
    expect(await years.getByRole('row', { name: new RegExp(`^${year}`) }).textContent()).toContain(t('compliance:year.notOpened'));
    await page.getByLabel(t('compliance:index.year'), { exact: true }).fill(String(year));
    await page.getByRole('radio', { name: t('compliance:index.startEmpty') }).check();
    await page.getByRole('button', { name: t('compliance:index.open') }).click();
    await expectHeading(page, t('compliance:overview.title', { year }));
    await expectToast(page, t('compliance:toast.opened'));
    await expectAccessible(page);
    const statements = page.getByRole('table', { name: t('compliance:overview.statementsCaption', { count: STATEMENTS.length }) });
    expect(await statements.getByText(t('compliance:status.not-assessed'), { exact: true }).count()).toBe(STATEMENTS.length);

    // Statement by statement, "next" leading on.
    await statements.getByRole('link').first().click();
    for (const [index, { status, explanation }] of STATEMENTS.entries()) {
      const form = page.getByRole('region', { name: t('compliance:statement.title'), exact: true });
      await form.getByRole('radio', { name: new RegExp(`^${escape(t(`compliance:status.${status}`))}`) }).check();
      if (index === 0) {
        // (What the supervisor must not find: the manager's statement page has them.)
        expect(await editControlsIn(page)).not.toEqual([]);
        // A deviation without an explanation is refused, at the field, with the choice kept.
        await expectAccessible(page);
        await form.getByRole('button', { name: t('compliance:statement.save') }).click();
        const field = form.getByLabel(t('compliance:statement.explanation'), { exact: true });
        await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
        expect(await descriptionOf(field)).toContain(t('compliance:statement.explanationRequired'));
        expect(await form.getByRole('radio', { name: new RegExp(`^${escape(t('compliance:status.explains'))}`) }).isChecked()).toBe(true);
        await expectAccessible(page);
      }
      await form.getByLabel(t('compliance:statement.explanation'), { exact: true }).fill(explanation);
      await form.getByRole('button', { name: t('compliance:statement.save') }).click();
      await expectToast(page, t('compliance:toast.saved'));
      if (index < STATEMENTS.length - 1) {
        const heading = await page.getByRole('heading', { level: 1 }).textContent();
        await page.getByRole('navigation', { name: t('compliance:statement.neighbours') }).getByRole('link', { name: t('compliance:statement.next') }).click();
        await page.waitForFunction((before) => document.querySelector('h1')?.textContent !== before, heading);
      }
    }

    // Back to the year: all five made; approve and lock.
    await page.getByRole('link', { name: t('compliance:overview.title', { year }) }).first().click();
    await expectHeading(page, t('compliance:overview.title', { year }));
    expect(await statements.getByText(t('compliance:status.not-assessed'), { exact: true }).count()).toBe(0);
    await page.getByRole('region', { name: t('compliance:year.approveTitle') }).getByRole('button', { name: t('compliance:year.approve') }).click();
    await expectToast(page, t('compliance:toast.approved'));
    expect(await page.locator('.page-header .subtitle').textContent()).toContain(t('compliance:year.approved'));
    expect(await page.getByRole('button', { name: t('compliance:year.approve') }).count()).toBe(0);
    await expectAccessible(page);

    // The overview as CSV and as a spreadsheet.
    const csv = await downloadOf(page, () => page.getByRole('link', { name: t('common:actions.downloadCsv') }).click());
    const csvText = await readFile((await csv.path())!, 'utf8');
    for (const { explanation } of STATEMENTS) expect(csvText).toContain(explanation.slice(0, 40));
    const xlsx = await downloadOf(page, () => page.getByRole('link', { name: t('common:actions.downloadXlsx') }).click());
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');

    // The jaarverslag chapter: on the page, then as a file to paste into the annual report.
    await page.getByRole('link', { name: t('compliance:overview.chapter') }).click();
    await page.getByRole('link', { name: t('compliance:report.download') }).waitFor();
    await page.getByRole('article').getByText(STATEMENTS[0].explanation.slice(0, 40)).waitFor();
    await expectAccessible(page);
    const chapter = await downloadOf(page, () => page.getByRole('link', { name: t('compliance:report.download') }).click());
    const html = await readFile((await chapter.path())!, 'utf8');
    expect(html).toContain(INSTITUTIONS.housing);
    // Under comply-or-explain the chapter explains the deviations: the deviation and the partial one.
    for (const { explanation } of STATEMENTS.filter((s) => s.status !== 'complies')) expect(html).toContain(explanation.slice(0, 40));
  });

  test("every page of the manager's journey passes axe in Dutch too", async () => {
    const visited = axeVisited('en');
    if (visited.length === 0) throw new Error('run this file whole: the English journey collects the pages');
    const page = await browser.newPage();
    await signIn(page, 'manager', 'nl');
    try {
      await revisitAccessible(page, visited);
    } finally {
      if (!page.isClosed()) await switchLanguage(page, 'en').catch(() => undefined);
    }
  });
});
