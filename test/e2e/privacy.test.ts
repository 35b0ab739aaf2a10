import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  baseURL, currentLanguage, descriptionOf, expectAccessible, expectHeading, expectToast, INSTITUTIONS, signIn, switchLanguage, textPattern, translator,
  useBrowser, visit,
} from './support';

const browser = useBrowser();
const t = translator('en');

/** Opens an institution and one of its areas from the sidebar, as a person would. */
async function openArea(page: Page, institution: string, area: string, heading: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: t('nav.main') });
  await nav.getByRole('link', { name: institution, exact: true }).click();
  await expectHeading(page, institution);
  await nav.getByRole('link', { name: area, exact: true }).click();
  await expectHeading(page, heading);
}

/** "Find a person" on the privacy page: their privacy page, from the matches. */
async function findPerson(page: Page, query: string): Promise<void> {
  const finder = page.getByRole('region', { name: t('privacy:find.title') });
  await finder.getByLabel(t('privacy:find.label'), { exact: true }).fill(query);
  await finder.getByRole('button', { name: t('common:actions.search') }).click();
  await page.waitForURL((url) => url.searchParams.get('find') === query);
  await expectHeading(page, t('privacy:requests.title'));
}

/** Back to the request log, by the breadcrumb. */
async function backToRequests(page: Page): Promise<void> {
  await page.locator('.breadcrumbs').getByRole('link', { name: t('privacy:requests.title') }).click();
  await expectHeading(page, t('privacy:requests.title'));
}

/**
 * The manager of Woonstichting Lekstroom answers an erasure request. The tenant whose rent
 * dispute is pending cannot be erased while the legal hold stands, and the page says why; another
 * tenant's data is first gathered (access report, JSON) and then erased, after which the directory
 * no longer knows the name or the address.
 */
describe('the manager of Woonstichting Lekstroom erases a person', () => {
  test('is refused for the tenant under a legal hold, then erases another tenant after reading their access report', async () => {
    const page = await browser.newPage();
    await signIn(page, 'manager', 'en');
    await openArea(page, INSTITUTIONS.housing, t('nav.privacy'), t('privacy:requests.title'));
    await expectAccessible(page);

    // Jan de Vries: the erasure is refused while the hold is recorded, with that reason, and he stays.
    await findPerson(page, 'Vries');
    const matches = page.getByRole('region', { name: t('privacy:find.title') }).getByRole('listitem');
    await matches.filter({ hasText: 'Wilma de Vries' }).waitFor();
    await expectAccessible(page);
    await matches.getByRole('link', { name: 'Jan de Vries', exact: true }).click();
    await expectHeading(page, t('privacy:person.title', { name: 'Jan de Vries' }));
    const hold = page.getByRole('region', { name: t('privacy:hold.title') });
    expect(await hold.textContent()).toContain(t('privacy:hold.active'));
    expect(await hold.textContent()).toContain('Huurcommissie');
    await expectAccessible(page);
    let erase = page.getByRole('region', { name: t('privacy:erase.title') });
    await erase.getByRole('checkbox', { name: t('privacy:erase.confirm', { name: 'Jan de Vries' }) }).check();
    await erase.getByRole('button', { name: t('privacy:erase.submit') }).click();
    await erase.getByRole('alert').filter({ hasText: t('privacy:erase.legalHold') }).waitFor();
    await expectHeading(page, t('privacy:person.title', { name: 'Jan de Vries' }));
    await expectAccessible(page);

    // Kees Brouwer: what is held about him, as a page and as the file he will be sent.
    await backToRequests(page);
    await findPerson(page, 'Brouwer');
    await page.getByRole('region', { name: t('privacy:find.title') }).getByRole('link', { name: 'Kees Brouwer', exact: true }).click();
    await expectHeading(page, t('privacy:person.title', { name: 'Kees Brouwer' }));
    const personPage = page.url();
    const held = page.getByRole('region', { name: t('privacy:person.held') });
    expect(await held.textContent()).toContain('kees.brouwer@mail.example');
    await expectAccessible(page);
    await held.getByRole('link', { name: t('privacy:access.open') }).click();
    await expectHeading(page, t('privacy:access.title', { name: 'Kees Brouwer' }));
    for (const value of ['kees.brouwer@mail.example', 'Batauplein 27', 'Aanmelding bewonersavond']) {
      await page.getByRole('main').getByText(value).first().waitFor();
    }
    await expectAccessible(page);
    await page.getByRole('link', { name: t('privacy:person.title', { name: 'Kees Brouwer' }) }).click();
    await expectHeading(page, t('privacy:person.title', { name: 'Kees Brouwer' }));
    const [download] = await Promise.all([page.waitForEvent('download'), held.getByRole('link', { name: t('privacy:access.downloadJson') }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const report = JSON.parse(await readFile((await download.path())!, 'utf8')) as { person: { email: string; city: string } };
    expect(report.person).toMatchObject({ email: 'kees.brouwer@mail.example', city: 'Nieuwegein' });

    // Erasing asks for a confirmation first, at the box.
    erase = page.getByRole('region', { name: t('privacy:erase.title') });
    await erase.getByRole('button', { name: t('privacy:erase.submit') }).click();
    const confirm = erase.getByRole('checkbox', { name: t('privacy:erase.confirm', { name: 'Kees Brouwer' }) });
    await expect.poll(() => confirm.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(confirm)).toContain(t('privacy:erase.confirmRequired'));
    await expectAccessible(page);
    await confirm.check();
    await erase.getByRole('button', { name: t('privacy:erase.submit') }).click();
    await expectToast(page, t('privacy:toast.erased'));

    // The page now speaks of an erased record: no name, no email, nothing left to erase or send.
    await expectHeading(page, /^Privacy: \[erased #\d+\]$/);
    expect(page.url()).toBe(personPage);
    const main = await page.getByRole('main').textContent();
    for (const value of ['Kees', 'Brouwer', 'kees.brouwer@mail.example', 'Batauplein']) expect(main).not.toContain(value);
    expect(await page.getByRole('region', { name: t('privacy:erase.title') }).count()).toBe(0);
    expect(await page.getByRole('region', { name: t('privacy:portalLink.title') }).count()).toBe(0);
    await expectAccessible(page);

    // And the finder no longer knows him.
    await backToRequests(page);
    await findPerson(page, 'Brouwer');
    await page.getByRole('region', { name: t('privacy:find.title') }).getByText(t('privacy:find.none')).waitFor();
    await expectAccessible(page);
  });
});

/**
 * The secretary of Vecht College sends a stakeholder contact a portal link; with no mail server
 * the message waits in the outbox, where the administrator reads the link. The contact follows it
 * once, sees their data and proposes a correction (and reads the portal in Dutch too); the link
 * does not work a second time. The secretary accepts the proposal and the record changes.
 */
describe('a stakeholder contact follows a portal link', () => {
  test('the secretary sends it, the contact proposes a correction once, the secretary accepts it', async () => {
    const contactName = 'Hans Kuipers';
    const businessEmail = 'h.kuipers@zorggroeplekenvecht.example';
    const newPhone = '030 602 4455';

    // The secretary sends the link to his business address.
    const secretary = await browser.newPage();
    await signIn(secretary, 'secretary', 'en');
    await openArea(secretary, INSTITUTIONS.college, t('nav.privacy'), t('privacy:requests.title'));
    await findPerson(secretary, 'Kuipers');
    await secretary.getByRole('region', { name: t('privacy:find.title') }).getByRole('link', { name: contactName, exact: true }).click();
    await expectHeading(secretary, t('privacy:person.title', { name: contactName }));
    const personPage = secretary.url();
    // A secretary does not erase: that is the manager's decision.
    expect(await secretary.getByRole('region', { name: t('privacy:erase.title') }).count()).toBe(0);
    await expectAccessible(secretary);
    const portalCard = secretary.getByRole('region', { name: t('privacy:portalLink.title') });
    const address = portalCard.getByLabel(t('privacy:portalLink.address'), { exact: true });
    expect(await address.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.label)).toBe(
      t('privacy:portalLink.businessAddress', { email: businessEmail, organisation: 'Zorggroep Lek en Vecht' }),
    );
    await portalCard.getByRole('button', { name: t('privacy:portalLink.send') }).click();
    await expectToast(secretary, t('privacy:toast.linkSent'));
    const sent = portalCard.getByRole('table', { name: t('privacy:portalLink.sent') });
    await sent.getByRole('cell', { name: textPattern('en', 'privacy:portalLink.states.waiting') }).first().waitFor();
    await expectAccessible(secretary);

    // The administrator finds the message in the outbox and reads the link in it.
    const admin = await browser.newPage();
    await signIn(admin, 'admin', 'en');
    await admin.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.admin'), exact: true }).click();
    await admin.getByRole('navigation', { name: t('admin:nav.label') }).getByRole('link', { name: t('admin:nav.outbox') }).click();
    await expectHeading(admin, t('admin:outbox.title'));
    await admin.getByRole('search').getByLabel(t('admin:outbox.search'), { exact: true }).fill(businessEmail);
    await admin.getByRole('search').getByRole('button', { name: t('common:actions.search') }).click();
    await admin.waitForURL((url) => url.searchParams.get('q') === businessEmail);
    const message = admin.getByRole('table').getByRole('row').filter({ hasText: businessEmail }).first();
    expect(await message.textContent()).toContain(t('admin:outbox.kinds.portal-link'));
    await expectAccessible(admin);
    await message.getByRole('link', { name: `${INSTITUTIONS.college}: uw gegevens / your data` }).click();
    await expectHeading(admin, `${INSTITUTIONS.college}: uw gegevens / your data`);
    await expectAccessible(admin);
    const body = await admin.locator('pre.mail-body').textContent();
    const link = body?.match(new RegExp(`${baseURL().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/portal/\\S+`))?.[0];
    if (!link) throw new Error(`no portal link in the message:\n${body}`);

    // The contact follows it: the landing page does not spend the link, "continue" does.
    const contact = await browser.newPage();
    expect((await visit(contact, link)).status()).toBe(200);
    await expectHeading(contact, t('privacy:portal.landing.title'));
    await expectAccessible(contact);
    await contact.getByRole('button', { name: t('privacy:portal.landing.open') }).click();
    await expectHeading(contact, t('privacy:portal.title', { institution: INSTITUTIONS.college }));
    expect(new URL(contact.url()).pathname).toBe('/portal');
    const details = contact.getByRole('region', { name: t('privacy:portal.details') });
    expect(await details.textContent()).toContain(contactName);
    expect(await details.textContent()).toContain(businessEmail);
    await contact.getByRole('region', { name: t('privacy:portal.relationship', { institution: INSTITUTIONS.college }) })
      .getByText('Zorggroep Lek en Vecht').first().waitFor();
    await expectAccessible(contact);

    // He gives the phone number he is best reached on.
    const correct = contact.getByRole('region', { name: t('privacy:portal.correctTitle') });
    expect(await correct.getByLabel(t('privacy:fields.familyName'), { exact: true }).inputValue()).toBe('Kuipers');
    await correct.getByLabel(t('privacy:fields.phone'), { exact: true }).fill(newPhone);
    await correct.getByLabel(t('privacy:portal.message'), { exact: true }).fill('My direct line at the HR department.');
    await correct.getByRole('button', { name: t('privacy:portal.propose') }).click();
    await contact.getByRole('status').filter({ hasText: t('privacy:portal.sent') }).waitFor();
    await correct.getByRole('listitem').filter({ hasText: t('privacy:fields.phone') }).filter({ hasText: t('privacy:corrections.statuses.pending') }).waitFor();
    await expectAccessible(contact);

    // The link works once: a second visit says so (and answers 410).
    expect((await visit(contact, link)).status()).toBe(410);
    await expectHeading(contact, t('privacy:portal.linkStates.used.title'));
    await expectAccessible(contact);

    // The same pages in Dutch, the language most contacts read: the used link and the portal.
    const nl = translator('nl');
    await switchLanguage(contact, 'nl');
    expect(await currentLanguage(contact)).toBe('nl');
    await expectHeading(contact, nl('privacy:portal.linkStates.used.title'));
    await expectAccessible(contact);
    await visit(contact, '/portal');
    await expectHeading(contact, nl('privacy:portal.title', { institution: INSTITUTIONS.college }));
    await expectAccessible(contact);

    // The secretary reviews the proposal next to the value it replaces, and accepts it.
    await backToRequests(secretary);
    await secretary.getByRole('navigation', { name: t('privacy:nav.label') }).getByRole('link', { name: new RegExp(`^${t('privacy:nav.corrections')}`) }).click();
    await expectHeading(secretary, t('privacy:corrections.title'));
    const proposal = secretary.getByRole('region', { name: contactName, exact: true });
    const phoneRow = proposal.getByRole('row').filter({ has: secretary.getByRole('rowheader', { name: t('privacy:fields.phone'), exact: true }) });
    expect(await phoneRow.getByRole('cell').last().textContent()).toBe(newPhone);
    expect(await proposal.textContent()).toContain('My direct line at the HR department.');
    // The demo's own proposal (Linda Postma's) waits beside it.
    await secretary.getByRole('region', { name: 'Linda Postma', exact: true }).waitFor();
    await expectAccessible(secretary);
    await proposal.getByRole('button', { name: t('privacy:corrections.accept') }).click();
    await expectToast(secretary, t('privacy:toast.correctionAccepted'));
    await expect.poll(() => proposal.count()).toBe(0);
    await expectAccessible(secretary);

    // His privacy page shows the new number, and the link as followed.
    await visit(secretary, personPage);
    await expectHeading(secretary, t('privacy:person.title', { name: contactName }));
    const held = secretary.getByRole('region', { name: t('privacy:person.held') });
    expect(await held.textContent()).toContain(newPhone);
    await sent.getByRole('cell', { name: textPattern('en', 'privacy:portalLink.states.used') }).first().waitFor();
    await expectAccessible(secretary);
  });
});
