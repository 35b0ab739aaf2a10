import { describe, expect, test } from 'vitest';
import {
  axeVisited, editControlsIn, expectAccessible, expectHeading, INSTITUTIONS, revisitAccessible, signIn, switchLanguage, textPattern, translator,
  useBrowser,
} from './support';

const browser = useBrowser();
const t = translator('en');

/**
 * A supervisor of all three demo institutions reads the oversight dashboard, follows one
 * institution's deviation down to its statement, and finds nothing on the way that changes data.
 */
describe('the supervisor', () => {
  test('opens the oversight dashboard, drills into a deviation of one institution, and finds no control that edits anything', async () => {
    const page = await browser.newPage();
    await signIn(page, 'supervisor', 'en');
    await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.oversight'), exact: true }).click();
    await expectHeading(page, t('oversight:title'));
    await expectAccessible(page);

    // All three institutions, each with its share.
    const institutions = page.getByRole('region', { name: textPattern('en', 'oversight:institutions.title') });
    for (const name of Object.values(INSTITUTIONS)) await institutions.getByRole('rowheader', { name }).waitFor();
    expect(await editControlsIn(page)).toEqual([]);

    // The deviations to review: take the first, remember whose it is and what it says.
    const deviations = page.getByRole('region', { name: textPattern('en', 'oversight:deviations.title') });
    const row = deviations.getByRole('row').nth(1);
    const institution = (await row.getByRole('cell').first().textContent())!.trim();
    expect(Object.values(INSTITUTIONS)).toContain(institution);
    const explanation = ((await row.getByRole('cell').nth(3).textContent()) ?? '').replace(/…$/, '').trim();
    await row.getByRole('link', { name: new RegExp(`^${t('oversight:deviations.review')}`) }).click();

    // The statement itself, in that institution: its explanation as text, nothing to change it with.
    const statement = page.getByRole('region', { name: t('compliance:statement.title'), exact: true });
    await statement.waitFor();
    expect(await page.locator('.sidebar .institution-name').textContent()).toBe(institution);
    if (explanation) expect(await statement.textContent()).toContain(explanation.slice(0, 60));
    expect(await statement.getByRole('radio').count()).toBe(0);
    expect(await page.getByRole('button', { name: t('compliance:statement.save') }).count()).toBe(0);
    expect(await page.getByRole('button', { name: t('compliance:evidence.link') }).count()).toBe(0);
    expect(await editControlsIn(page)).toEqual([]);
    await expectAccessible(page);

    // Up to the institution's overview of that year: read-only too, no approving or unlocking.
    await page.getByRole('link', { name: textPattern('en', 'compliance:overview.title') }).first().click();
    await expectHeading(page, textPattern('en', 'compliance:overview.title'));
    expect(await page.locator('.page-header .subtitle').textContent()).toContain(institution);
    if (explanation) expect(await page.getByRole('table').filter({ hasText: explanation.slice(0, 60) }).count()).toBe(1);
    expect(await page.getByRole('button', { name: t('compliance:year.approve') }).count()).toBe(0);
    expect(await page.getByRole('button', { name: t('compliance:year.unlock') }).count()).toBe(0);
    expect(await editControlsIn(page)).toEqual([]);
    await expectAccessible(page);
  });

  test('the same pages pass axe in Dutch', async () => {
    const visited = axeVisited('en');
    if (visited.length === 0) throw new Error('run this file whole: the English journey collects the pages');
    const page = await browser.newPage();
    await signIn(page, 'supervisor', 'nl');
    try {
      await revisitAccessible(page, visited);
    } finally {
      if (!page.isClosed()) await switchLanguage(page, 'en').catch(() => undefined);
    }
  });
});
