#!/usr/bin/env node
// Accessibility sweep (issue 14): every page of the web app's router (read from web/src/app/App.tsx by
// scripts/web-routes.ts) and every server-rendered page of the regional site and job board (from the
// sitemap and the job list), signed in with the account whose role the page is for, in French and in
// English, at desktop width and at 320 px, with axe-core (WCAG 2.x A/AA): no violation.
// A route of the router without an entry in SWEEP below, or a server page pattern never visited, fails
// the suite: a new page must say who sees it. Route parameters come from the demo data, through the API.
import type { Browser, Page } from 'playwright-core';
import { webRoutes } from '../../scripts/web-routes.ts';
import { SERVER_PAGE_PATTERNS, serverPages } from './a11y-server-pages.ts';
import { ACCOUNTS, type AccountName, SWEEP } from './a11y-sweep-pages.ts';
import {
  assert,
  axe,
  check,
  log,
  noBrowserProblems,
  runSuite,
  STEP_TIMEOUT,
  type SuiteServer,
  signIn,
  totpSecretOf,
  watch,
} from './support.ts';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 320, height: 640 };
const LANGUAGES = ['fr', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

let swept = 0;

/** Waits for the page's heading and for every loading line to go (a page may show several at once). */
async function settled(page: Page): Promise<void> {
  // Longer than a step: some staff pages fetch a lot, and CI machines are shared.
  await page
    .locator('main h1')
    .first()
    .waitFor({ timeout: 2 * STEP_TIMEOUT });
  const loading = page.locator('main .loading, main [aria-busy="true"]');
  const deadline = Date.now() + STEP_TIMEOUT;
  while ((await loading.count()) > 0 && Date.now() < deadline) await page.waitForTimeout(100);
}

/** The interface in `language`: the header's language button, which also saves it to the profile. */
async function useLanguage(page: Page, language: Language): Promise<void> {
  const current = await page.getAttribute('html', 'lang');
  if (current?.startsWith(language)) return;
  await page.locator('header button.header-button--outlined').click();
  // A string predicate (waitForFunction) would be refused by the page's Content-Security-Policy.
  const deadline = Date.now() + STEP_TIMEOUT;
  while (!(await page.getAttribute('html', 'lang'))?.startsWith(language)) {
    assert(Date.now() < deadline, `the interface did not switch to ${language}`);
    await page.waitForTimeout(50);
  }
}

/** axe at desktop width, then at 320 px on the same page; counts one page swept. */
async function sweepHere(page: Page, label: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await axe(page, `${label} (desktop)`);
  await page.setViewportSize(PHONE);
  await axe(page, `${label} (320 px)`);
  await page.setViewportSize(DESKTOP);
  swept += 1;
}

async function run(browser: Browser, { base, output }: SuiteServer): Promise<void> {
  const routes = webRoutes();
  await check('every page of the router has an entry in the sweep, and every entry a page', async () => {
    const known = new Set(routes.map((r) => r.path));
    const missing = routes.filter((r) => !SWEEP[r.path]).map((r) => r.path);
    const stale = Object.keys(SWEEP).filter((path) => !known.has(path));
    assert(
      missing.length === 0,
      `pages without an entry in tests/e2e/a11y-sweep-pages.ts: ${missing.join(', ')}`,
    );
    assert(stale.length === 0, `entries for pages the router no longer has: ${stale.join(', ')}`);
  });

  const orgs = (await (await fetch(`${base}/api/orgs`)).json()) as Array<{ id: string; slug: string }>;
  const orgId = (slug: string) => orgs.find((o) => o.slug === slug)?.id ?? slug;

  // One browser context per account: signed in once, then every page of that account in both languages.
  const byAccount = new Map<AccountName, string[]>();
  for (const route of routes) {
    const entry = SWEEP[route.path];
    if (!entry) continue;
    byAccount.set(entry.as, [...(byAccount.get(entry.as) ?? []), route.path]);
  }
  for (const [account, paths] of byAccount) {
    const context = await browser.newContext({ baseURL: base, locale: 'fr-CA', viewport: DESKTOP });
    context.setDefaultTimeout(STEP_TIMEOUT);
    const page = await context.newPage();
    watch(page);
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
      const resolved = await check(`${path}: parameters from the demo data`, async () => {
        urls.set(path, await entry.url({ request: page.request, orgId }));
      });
      if (!resolved) urls.delete(path);
    }
    for (const language of LANGUAGES) {
      for (const url of urls.values()) {
        const opened = await check(`${language} ${url} (${account}) opens`, async () => {
          await page.goto(url);
          await useLanguage(page, language);
          await settled(page);
        });
        if (opened) await sweepHere(page, `${language} ${url} (${account})`);
      }
    }
    await context.close();
  }

  // The server-rendered pages: anonymous, their language is in their address.
  const context = await browser.newContext({ baseURL: base, locale: 'fr-CA', viewport: DESKTOP });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  watch(page);
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
    if (opened) await sweepHere(page, `${url} (server-rendered)`);
  }
  await context.close();

  log(`pages swept: ${swept} (each at desktop and 320 px; router pages in French and English)`);
  await noBrowserProblems();
}

await runSuite('a11y-sweep', run);
