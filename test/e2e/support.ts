import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import i18next, { type TOptions } from 'i18next';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { resources } from '~/locales';

/**
 * The browser journeys' toolbox: one Chromium per test file, a fresh context per page (so two
 * people can be signed in side by side), sign-in as a demo account, the app's own catalogues to
 * say what a person should read, axe on every page, a screenshot when a journey fails.
 */

export const DEMO_PASSWORD = 'horizon-demo';
export const ACCOUNTS = {
  secretary: 'secretary@horizon.test',
  manager: 'manager@horizon.test',
  supervisor: 'supervisor@horizon.test',
  admin: 'admin@horizon.test',
} as const;
export type Account = keyof typeof ACCOUNTS;

export const INSTITUTIONS = {
  college: 'Vecht College',
  housing: 'Woonstichting Lekstroom',
  care: 'Zorggroep Amstelhof',
} as const;

export type Language = 'en' | 'nl';

export const baseURL = () => inject('baseURL');
export const today = () => inject('today');

// --------------------------------------------------------------------------------- catalogues

const catalogues = Object.fromEntries(
  (['en', 'nl'] as const).map((lng) => {
    const instance = i18next.createInstance();
    void instance.init({ resources, lng, fallbackLng: false, defaultNS: 'common', interpolation: { escapeValue: false }, initImmediate: false });
    return [lng, instance];
  }),
) as Record<Language, typeof i18next>;

/** What the app shows for `key` in `lng`: the journeys read the page in the user's own words. */
export function text(lng: Language, key: string, options?: TOptions): string {
  const instance = catalogues[lng];
  if (!instance.exists(key, options)) throw new Error(`no catalogue entry ${key} (${lng})`);
  return instance.t(key, options) as string;
}

/** A catalogue text whose `{{placeholders}}` may be anything: `Governance code {{year}}` → /^Governance code (.+?)$/. */
export function textPattern(lng: Language, key: string): RegExp {
  const [ns, path] = key.includes(':') ? key.split(':') as [string, string] : ['common', key];
  const raw = catalogues[lng].getResource(lng, ns, path) as unknown;
  if (typeof raw !== 'string') throw new Error(`no catalogue entry ${key} (${lng})`);
  const parts = raw.split(/\{\{[^}]+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('(.+?)')}$`);
}

/** A translator bound to one language, for a journey that runs in either. */
export const translator = (lng: Language) => (key: string, options?: TOptions) => text(lng, key, options);

// ----------------------------------------------------------------------------------- browser

/** Pages opened with JavaScript disabled. */
const scriptless = new WeakSet<Page>();

const SCREENSHOT_DIR = path.resolve('tmp', 'test-results', 'e2e-screenshots');

// STACK.md pitfall 10: Debian's Chromium, headless, nothing that phones home; no user-data-dir.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export type PageOptions = {
  /** false: a context with JavaScript disabled, as a browser without it (progressive enhancement). */
  javaScript?: boolean;
};

/**
 * Call once at the top of a test file. Launches the browser before the file's tests, closes it
 * after; after each test, screenshots every page the test opened when it failed, then closes them.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  const open: { context: BrowserContext; page: Page; label: string }[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterEach(async ({ task }) => {
    const pages = open.splice(0);
    if (task.result?.state === 'fail') {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const stem = `${path.basename(task.file?.name ?? 'e2e', '.test.ts')}-${task.name}`.replace(/[^\w.-]+/g, '-').slice(0, 120);
      for (const [index, { page, label }] of pages.entries()) {
        if (page.isClosed()) continue;
        const file = path.join(SCREENSHOT_DIR, `${stem}-${index + 1}-${label}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        console.error(`screenshot of ${page.url()}: ${path.relative(process.cwd(), file)}`);
      }
    }
    await Promise.all(pages.map(({ context }) => context.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    /** A page in a fresh context: no cookies, nobody signed in. */
    async newPage({ javaScript = true }: PageOptions = {}): Promise<Page> {
      if (!browser) throw new Error('useBrowser(): the browser is not running (call newPage inside a test)');
      const context = await browser.newContext({ baseURL: baseURL(), javaScriptEnabled: javaScript, locale: 'en-GB' });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      open.push({ context, page, label: javaScript ? 'page' : 'no-js' });
      if (!javaScript) scriptless.add(page);
      return page;
    },
  };
}

// ---------------------------------------------------------------------------------- actions

/**
 * Opens `url` and returns the document's response. With JavaScript, waits until the network is
 * quiet, so the page is hydrated before anyone types into it.
 */
export async function visit(page: Page, url: string): Promise<Response> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${url}`);
  await page.waitForLoadState('networkidle');
  return response;
}

/**
 * Waits until the page is at rest: the document loaded and, with JavaScript, Remix's router idle
 * (a client-side navigation still on its way leaves the old page up, its links half transparent).
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string }; fetchers: Map<string, { state: string }> } } }).__remixRouter;
    return !router || (router.state.navigation.state === 'idle' && [...router.state.fetchers.values()].every((f) => f.state === 'idle'));
  });
}

/** Waits until the page's main heading reads `name` (after a click, a submit, a redirect). */
export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await settle(page);
  await page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' }).waitFor();
}

/** Waits for the toast a redirect carries ("Stakeholder added", …). */
export async function expectToast(page: Page, message: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: message }).first().waitFor();
}

/**
 * Signs in through the sign-in page as a demo account and makes the interface speak `language`
 * (the switch is the user's saved setting, so a journey that went Dutch must not leak into the
 * next one). Ends on the page the app lands on.
 */
export async function signIn(page: Page, account: Account, language: Language = 'en'): Promise<void> {
  await visit(page, '/login');
  const t = translator(await currentLanguage(page));
  await page.getByLabel(t('auth:signIn.email')).fill(ACCOUNTS[account]);
  await page.getByLabel(t('auth:signIn.password')).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: t('auth:signIn.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByRole('navigation').first().waitFor();
  if ((await currentLanguage(page)) !== language) await switchLanguage(page, language);
}

export async function currentLanguage(page: Page): Promise<Language> {
  const lang = await page.locator('html').getAttribute('lang');
  if (lang !== 'en' && lang !== 'nl') throw new Error(`the page has no language we know: lang="${lang}"`);
  return lang;
}

/** Uses the language switch in the top bar (or on the sign-in page), as a person would. */
export async function switchLanguage(page: Page, language: Language): Promise<void> {
  const t = translator(await currentLanguage(page));
  const form = page.locator('form.language-switch');
  await form.getByLabel(t('common:language.label')).selectOption(language);
  await form.getByRole('button', { name: t('common:language.apply') }).click();
  await expect.poll(() => currentLanguage(page), { timeout: 15_000 }).toBe(language);
  await page.waitForLoadState('networkidle');
}

// ----------------------------------------------------------------------------- accessibility

export type AxeViolation = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/** Readable lines for a failed accessibility check: rule, impact, what to fix, where. */
export function describeViolations(url: string, violations: AxeViolation[]): string {
  return [`${violations.length} serious/critical accessibility violation(s) on ${url}:`, ...violations.flatMap((v) => [
    `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  ])].join('\n');
}

const visitedByAxe: { lng: Language; url: string; path: string }[] = [];

/**
 * axe runs as a script, which a page without JavaScript cannot: it then checks a copy of that
 * page's document (scripts stripped, same URL, same stylesheets) in a scripted page of its own.
 */
async function analyze(page: Page) {
  if (!scriptless.has(page)) return new AxeBuilder({ page }).analyze();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const context = await page.context().browser()!.newContext();
  try {
    const copy = await context.newPage();
    await copy.route(page.url(), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await copy.goto(page.url(), { waitUntil: 'load' });
    return await new AxeBuilder({ page: copy }).analyze();
  } finally {
    await context.close();
  }
}

/** axe-core on the page as it stands: no serious or critical violation (WCAG 2.1 A/AA and best practice). */
export async function expectAccessible(page: Page): Promise<void> {
  await settle(page);
  const started = Date.now();
  const results = await analyze(page);
  if (process.env.E2E_TIMING) console.log(`axe ${Date.now() - started} ms ${page.url()}`);
  const bad = (results.violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const url = new URL(page.url());
  visitedByAxe.push({ lng: await currentLanguage(page), url: `${url.pathname}${url.search}`, path: url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id') });
  if (bad.length) throw new Error(describeViolations(page.url(), bad));
}

/** The pages (ids as `:id`) axe has checked in this test file in `lng`: a journey can show it covered both languages. */
export const axeCoverage = (lng: Language) => [...new Set(visitedByAxe.filter((v) => v.lng === lng).map((v) => v.path))].sort();

/** The addresses axe has checked in this test file in `lng`, in order, each once. */
export const axeVisited = (lng: Language) => [...new Set(visitedByAxe.filter((v) => v.lng === lng).map((v) => v.url))];

// --------------------------------------------------------------------------------- keyboard

/** Presses Tab, as a keyboard user does, until `target` has the focus (forward from wherever it is). */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${maxPresses} presses of Tab did not reach ${target}`);
}

/** Chooses an option of the focused select with the arrow keys. */
export async function arrowToOption(page: Page, select: Locator, optionLabel: string): Promise<void> {
  const { labels, selected } = await select.evaluate((element: HTMLSelectElement) => ({
    labels: [...element.options].map((o) => o.label.trim()),
    selected: element.selectedIndex,
  }));
  const wanted = labels.indexOf(optionLabel);
  if (wanted < 0) throw new Error(`no option "${optionLabel}" in ${labels.join(' | ')}`);
  const key = wanted > selected ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(wanted - selected); i += 1) await page.keyboard.press(key);
  expect(await select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.label.trim())).toBe(optionLabel);
}

/** The text a control is described by (`aria-describedby`): its hint and, after a refusal, its error. */
export async function descriptionOf(control: Locator): Promise<string> {
  return control.evaluate((element) => (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
}

/**
 * Opens each address again (GET) in the page's current language and runs axe on it: the pages of
 * a journey that ran in the other language, seen in this one.
 */
export async function revisitAccessible(page: Page, urls: string[]): Promise<void> {
  const lng = await currentLanguage(page);
  for (const url of urls) {
    expect((await visit(page, url)).status(), url).toBe(200);
    expect(await currentLanguage(page), url).toBe(lng);
    await page.getByRole('navigation', { name: text(lng, 'common:nav.main') }).waitFor();
    await expectAccessible(page);
  }
}

/** The controls in the page's main area that would change something: POST forms and links to edit or create. */
export async function editControlsIn(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) => [
    ...[...main.querySelectorAll('form')].filter((f) => f.method.toLowerCase() !== 'get').map((f) => `form → ${f.getAttribute('action') ?? '(this page)'}`),
    ...[...main.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((href) => /\/(edit|new|merge)(\?|$)/.test(href)).map((href) => `link → ${href}`),
    ...[...main.querySelectorAll('textarea, input[type=file]')].map((field) => `field ${field.getAttribute('name')}`),
  ]);
}
