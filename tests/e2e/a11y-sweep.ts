#!/usr/bin/env node
// Accessibility sweep (issue 14): every page of the web app's router (read from web/src/app/App.tsx by
// scripts/web-routes.ts) and every server-rendered page of the regional site and job board (from the
// sitemap and the job list), signed in with the account whose role the page is for, in French and in
// English, at desktop width and at 320 px, with axe-core (WCAG 2.x A/AA): no violation.
// A route of the router without an entry in SWEEP below, or a server page pattern never visited, fails
// the suite: a new page must say who sees it. Route parameters come from the demo data, through the API.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { webRoutes } from '../../scripts/web-routes.ts';
import { SERVER_PAGE_PATTERNS, serverPages } from './a11y-server-pages.ts';
import { ACCOUNTS, type AccountName, SWEEP } from './a11y-sweep-pages.ts';
import {
  assert,
  axeViolations,
  check,
  describeViolations,
  log,
  noBrowserProblems,
  ROOT,
  runSuite,
  STEP_TIMEOUT,
  type SuiteServer,
  signIn,
  totpSecretOf,
  watch,
} from './support.ts';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 320, height: 640 };
const WIDTHS = [
  ['desktop', DESKTOP],
  ['320 px', PHONE],
] as const;
const LANGUAGES = ['fr', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
/** Generous on a shared 2-core machine: the server, its jobs and Chromium share the cores. */
const SWEEP_TIMEOUT = 3 * STEP_TIMEOUT;
const LANGUAGE_BUTTON = 'header button.header-button--outlined';

/** What was swept: page patterns (router and server-rendered), axe checks run and violations found. */
const tally = { pages: new Set<string>(), routerPages: new Set<string>(), checks: 0, violations: 0 };

/** The page's requests still waiting for an answer and the ones that failed, for a page that does not open. */
function recordRequests(page: Page): { pending: Set<string>; failed: string[]; reset: () => void } {
  const pending = new Set<string>();
  const failed: string[] = [];
  const name = (url: string, method: string) => `${method} ${new URL(url).pathname}`;
  page.on('request', (r) => pending.add(name(r.url(), r.method())));
  page.on('requestfinished', async (r) => {
    pending.delete(name(r.url(), r.method()));
    const status = (await r.response().catch(() => null))?.status() ?? 0;
    // A missing chunk or style sheet is a 404 (the build was replaced under the running server).
    if (status >= 500 || (status === 404 && r.url().includes('/assets/')))
      failed.push(`${status} ${name(r.url(), r.method())}`);
  });
  page.on('requestfailed', (r) => {
    pending.delete(name(r.url(), r.method()));
    failed.push(`${r.failure()?.errorText ?? 'failed'} ${name(r.url(), r.method())}`);
  });
  const reset = () => {
    pending.clear();
    failed.length = 0;
  };
  return { pending, failed, reset };
}

type Recorder = ReturnType<typeof recordRequests>;

interface Visit {
  requests: Recorder;
  server: SuiteServer;
  /** Signed in: switching the language also saves it to the profile. */
  signedIn: boolean;
}

/** Opens `url` in `language` and waits until it is drawn; says what the page showed when it does not. */
async function open(page: Page, url: string, language: Language, { requests, server, signedIn }: Visit) {
  const started = Date.now();
  const logged = server.output().length;
  requests.reset();
  try {
    await page.goto(url);
    await switchLanguage(page, language, signedIn);
    await settled(page);
    // The profile's language comes with the session, which may answer after the page is drawn.
    if (!(await inLanguage(page, language))) {
      await switchLanguage(page, language, signedIn);
      await settled(page);
    }
    assert(await inLanguage(page, language), `the page is not in ${language} once loaded`);
  } catch (error) {
    const lang = await page.getAttribute('html', 'lang').catch(() => '?');
    const button = await page
      .locator(LANGUAGE_BUTTON)
      .count()
      .catch(() => 0);
    const text =
      (await page
        .locator('body')
        .textContent({ timeout: 5_000 })
        .catch(() => null)) ?? '';
    const said = server.output().slice(logged).trim().split('\n').slice(-3).join(' | ');
    throw new Error(
      [
        `${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        `after ${Math.round((Date.now() - started) / 1000)} s at ${page.url()}: html lang=${lang}, ` +
          `language button ${button ? 'shown' : 'absent'}`,
        `requests still waiting: ${[...requests.pending].join(', ') || 'none'}; ` +
          `failed: ${requests.failed.join(', ') || 'none'}`,
        `page text: ${text.replace(/\s+/g, ' ').slice(0, 240)}`,
        `server: ${said || '(nothing logged)'}`,
      ].join('\n'),
    );
  }
}

/** Waits for the page's heading and for every loading line to go (a page may show several at once). */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ timeout: SWEEP_TIMEOUT });
  const loading = page.locator('main .loading, main [aria-busy="true"]');
  const deadline = Date.now() + SWEEP_TIMEOUT;
  while ((await loading.count()) > 0 && Date.now() < deadline) await page.waitForTimeout(100);
}

/**
 * The interface in `language`, through the header's language button (which also saves it to the profile).
 * The button names the other language (`lang` attribute): it tells the language shown once the app has
 * started, where the document's `lang` is still the one of index.html until the catalogues are loaded
 * (reading it right after the page's `load` made the sweep click the button too early, or the wrong way).
 */
async function switchLanguage(page: Page, language: Language, signedIn: boolean): Promise<void> {
  const button = page.locator(LANGUAGE_BUTTON);
  await button.waitFor({ timeout: SWEEP_TIMEOUT });
  if ((await button.getAttribute('lang')) !== language) return;
  const saved = signedIn
    ? page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith('/api/me/profile'))
    : undefined;
  await button.click();
  // A string predicate (waitForFunction) would be refused by the page's Content-Security-Policy.
  const deadline = Date.now() + SWEEP_TIMEOUT;
  while (!(await inLanguage(page, language))) {
    assert(Date.now() < deadline, `the interface did not switch to ${language}`);
    await page.waitForTimeout(50);
  }
  // Saved to the profile before the next page asks for the session (it would bring the old language).
  await saved;
}

/** The interface is in `language`: the document says so and the language button offers the other one. */
async function inLanguage(page: Page, language: Language): Promise<boolean> {
  const lang = await page.getAttribute('html', 'lang');
  const offered = await page.locator(LANGUAGE_BUTTON).getAttribute('lang');
  return !!lang?.startsWith(language) && offered !== language;
}

/** axe at desktop width, then at 320 px on the same page (axe is loaded once); counts the page swept. */
async function sweepHere(page: Page, label: string, pattern: string, router: boolean): Promise<void> {
  for (const [width, size] of WIDTHS) {
    await page.setViewportSize(size);
    await check(`axe: ${label} (${width})`, async () => {
      const violations = await axeViolations(page);
      tally.checks += 1;
      tally.violations += violations.length;
      assert(violations.length === 0, describeViolations(violations));
    });
  }
  await page.setViewportSize(DESKTOP);
  tally.pages.add(pattern);
  if (router) tally.routerPages.add(pattern);
}

async function newContext(browser: Browser, base: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base, locale: 'fr-CA', viewport: DESKTOP });
  context.setDefaultTimeout(SWEEP_TIMEOUT);
  context.setDefaultNavigationTimeout(SWEEP_TIMEOUT);
  const page = await context.newPage();
  watch(page);
  return { context, page };
}

/** The build the server serves, to tell a page broken by a build replaced during the sweep. */
const builtAt = () => statSync(join(ROOT, 'web/dist/index.html'), { throwIfNoEntry: false })?.mtimeMs;

async function run(browser: Browser, server: SuiteServer): Promise<void> {
  const { base, output } = server;
  const build = builtAt();
  const routes = webRoutes();
  await check('every page of the router has an entry in the sweep, and every entry a page', async () => {
    const known = new Set(routes.map((r) => r.path));
    const missing = routes.filter((r) => !SWEEP[r.path]).map((r) => r.path);
    const stale = Object.keys(SWEEP).filter((path) => !known.has(path));
    assert(
      missing.length === 0,
      `pages without an entry in tests/e2e/a11y-pages/<module>.ts: ${missing.join(', ')}`,
    );
    assert(stale.length === 0, `entries for pages the router no longer has: ${stale.join(', ')}`);
  });

  const redirects = new Set(routes.filter((r) => r.redirect).map((r) => r.path));
  const orgs = (await (await fetch(`${base}/api/orgs`)).json()) as Array<{ id: string; slug: string }>;
  const orgId = (slug: string) => orgs.find((o) => o.slug === slug)?.id ?? slug;

  // One browser context per account: signed in once, then every page of that account in French, then
  // in English (the language is switched once and kept by the context and the profile).
  const byAccount = new Map<AccountName, string[]>();
  for (const route of routes) {
    const entry = SWEEP[route.path];
    if (!entry) continue;
    byAccount.set(entry.as, [...(byAccount.get(entry.as) ?? []), route.path]);
  }
  for (const [account, paths] of byAccount) {
    const { context, page } = await newContext(browser, base);
    const requests = recordRequests(page);
    const email = ACCOUNTS[account];
    if (email) {
      // One more try: on a loaded machine the first sign-in page can be slow to come.
      const signedIn = await check(`${account} signs in`, async () =>
        signIn(page, email, totpSecretOf(output(), email)).catch(() =>
          signIn(page, email, totpSecretOf(output(), email)),
        ),
      );
      if (!signedIn) {
        await context.close();
        continue;
      }
    }
    // Parameters are looked up once per account, with its session (some lists are the person's own).
    const urls = new Map<string, string>();
    for (const path of paths) {
      const entry = SWEEP[path];
      if (!entry) continue;
      await check(`${path}: parameters from the demo data`, async () => {
        urls.set(path, await entry.url({ request: page.request, orgId }));
      });
    }
    for (const language of LANGUAGES) {
      for (const [path, url] of urls) {
        const label = `${language} ${url} (${account})`;
        const visit = { requests, server, signedIn: !!email };
        const opened = await check(`${label} opens`, () => open(page, url, language, visit));
        // A route that only redirects (`/admin`) is swept as the page it leads to, listed on its own.
        if (opened && !redirects.has(path)) await sweepHere(page, label, path, true);
      }
    }
    await context.close();
  }

  // The server-rendered pages: anonymous, their language is in their address.
  const { context, page } = await newContext(browser, base);
  const pages = await serverPages(base);
  await check('every server-rendered page pattern has a page in the sweep', async () => {
    const unvisited = SERVER_PAGE_PATTERNS.filter((p) => !pages.some((url) => p.test(url)));
    assert(unvisited.length === 0, `no demo page for ${unvisited.map(String).join(', ')}`);
  });
  for (const url of pages) {
    const opened = await check(`${url} (server-rendered) opens`, async () => {
      const response = await page.goto(url);
      assert(response?.ok(), `${url} answered ${response?.status()}`);
      await page.locator('main h1').first().waitFor();
    });
    // The patterns are ordered most specific first, as serverPages chose them.
    const pattern = SERVER_PAGE_PATTERNS.find((p) => p.test(url))?.source ?? url;
    if (opened) await sweepHere(page, `${url} (server-rendered)`, pattern, false);
  }
  await context.close();

  const serverPatterns = tally.pages.size - tally.routerPages.size;
  log(
    `pages swept: ${tally.pages.size} (fr+en × 320 px + desktop = ${tally.checks} axe checks), ` +
      `violations: ${tally.violations}`,
  );
  log(
    `  ${tally.routerPages.size} of the router's ${routes.length - redirects.size} pages and ${serverPatterns} of ` +
      `${SERVER_PAGE_PATTERNS.length} server-rendered page patterns`,
  );
  await check('the web build was not replaced while the sweep ran (web/dist is shared)', async () => {
    const now = builtAt();
    assert(
      now === build,
      `web/dist was rebuilt at ${new Date(now ?? 0).toISOString()} while the sweep ran: pages opened ` +
        'after that may have missed their chunks (run the build and the sweep under one lock)',
    );
  });
  await noBrowserProblems();
}

await runSuite('a11y-sweep', run);
