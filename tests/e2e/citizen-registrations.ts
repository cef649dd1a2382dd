#!/usr/bin/env node
// Browser test of recreation registrations: a parent puts two children in two activities in one cart, confirms
// (places taken at confirmation), pays once in test mode and sees the four registrations confirmed — in
// French in Joliette, then in English in Saint-Charles-Borromée (a partner town: resident status there); a
// too-young child is refused with a clear message while the cart is kept; the citizen card shows on the
// phone view; staff see the attendance list and the statistics. axe-core (WCAG 2.x A/AA) runs on every page.
// Prints one line per check and ends with "N passed, N failed".
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(join(require.resolve('axe-core'), '..', 'axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Erable-Fleuve-2026';
const RESIDENT = 'resident@demo.civique.ca';
const STAFF = 'loisirs.joliette@demo.civique.ca';
const STEP_TIMEOUT = 20_000;

const results: Array<{ name: string; ok: boolean }> = [];
const browserProblems: string[] = [];

const log = (line: string) => process.stdout.write(`${line}\n`);

async function check(name: string, run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    results.push({ name, ok: true });
    log(`✓ ${name}`);
    return true;
  } catch (error) {
    results.push({ name, ok: false });
    const message = error instanceof Error ? error.message : String(error);
    log(`✗ ${name}\n    ${message.split('\n').slice(0, 8).join('\n    ')}`);
    return false;
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer from ${base}/api/health within ${timeoutMs / 1000} s`);
}

// Expressions are strings: this file is type-checked with Node's types only (no DOM library).
async function inPage<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

async function axe(page: Page, label: string): Promise<void> {
  await check(`axe: ${label}`, async () => {
    await page.evaluate(AXE_SOURCE);
    const violations = await inPage<
      Array<{ id: string; impact: string | null; help: string; targets: string[] }>
    >(
      page,
      `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((result) =>
        result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
          targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) })))`,
    );
    assert(
      violations.length === 0,
      violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`).join('\n'),
    );
  });
}

async function expectHeading(page: Page, expected: RegExp): Promise<void> {
  await page.locator('main h1', { hasText: expected }).waitFor({ timeout: STEP_TIMEOUT });
}

function watch(page: Page): void {
  page.on('pageerror', (error) => browserProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource'))
      browserProblems.push(`console: ${text}`);
  });
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^(Adresse courriel|E-mail address)$/).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)$/).fill(PASSWORD);
  await page.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
  await expectHeading(page, /^(Profil|Profile)$/);
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const sizes = await inPage<{ scroll: number; viewport: number; wide: string[] }>(
    page,
    `({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth,
        wide: [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth)
          .slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)) })`,
  );
  assert(
    sizes.scroll <= sizes.viewport,
    `page is ${sizes.scroll}px wide in a ${sizes.viewport}px viewport: ${sizes.wide.join(', ')}`,
  );
}

/** Adds each child to the cart from an activity's page (found by its code in the catalogue). */
async function addChildren(
  page: Page,
  slug: string,
  code: string,
  children: string[],
  labels: { who: RegExp; add: RegExp; added: RegExp },
) {
  await page.goto(`/${slug}/activities?q=${code}`);
  const link = page.locator('.activity-card h2 a').first();
  await link.waitFor();
  await link.click();
  await page.locator('main h1').waitFor();
  for (const child of children) {
    await page.getByLabel(labels.who).selectOption({ label: child });
    await page.getByRole('button', { name: labels.add }).click();
    await page.getByText(labels.added).first().waitFor();
  }
}

async function run(base: string, browser: Browser): Promise<void> {
  const context = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  watch(page);

  await check(
    'the catalogue of Joliette lists its activities and those of Saint-Charles-Borromée',
    async () => {
      await page.goto('/joliette/activities');
      await expectHeading(page, /^Loisirs, sports et culture — Joliette$/);
      await page.locator('.activity-card').first().waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      assert(text.includes('Hockey mineur M11') && text.includes('Karaté'), 'partner activities are missing');
    },
  );
  await axe(page, 'catalogue (French)');

  await check('filters narrow the catalogue (camp de jour, age 7)', async () => {
    await page.getByLabel('Catégorie').selectOption({ label: 'Camp de jour' });
    await page.getByLabel('Âge').fill('7');
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await page.getByText(/^2 activités$/).waitFor();
  });

  await check('the parent signs in', async () => {
    await signIn(page, RESIDENT);
  });

  const fr = { who: /^Personne à inscrire$/, add: /^Ajouter au panier$/, added: /est ajouté au panier/ };
  await check('Léa and Noah go into the cart for swimming and the spring break camp', async () => {
    await addChildren(page, 'joliette', 'NAT-J1-H27', ['Léa Tremblay', 'Noah Tremblay'], fr);
    await addChildren(page, 'joliette', 'CAMP-REL-27', ['Léa Tremblay', 'Noah Tremblay'], fr);
  });
  await axe(page, 'activity page with the cart form (French)');

  await check(
    'a too-young child is refused with a clear message, and the cart keeps every line',
    async () => {
      await addChildren(page, 'joliette', 'DANSE-HH-H27', ['Noah Tremblay'], fr);
      await page.goto('/joliette/cart');
      await expectHeading(page, /^Mon panier — Joliette$/);
      await page.getByRole('button', { name: 'Confirmer les inscriptions' }).click();
      await page.locator('.error-summary').waitFor();
      const summary = (await page.locator('.error-summary').textContent()) ?? '';
      assert(
        summary.includes('Noah est trop jeune pour « Danse hip-hop »'),
        `unexpected message: ${summary}`,
      );
      assert((await page.locator('.cart-line').count()) === 5, 'the cart lost lines');
    },
  );
  await axe(page, 'cart with a refused line (French)');

  let orderUrl = '';
  await check(
    'removing the refused line and confirming registers the four, places taken, then one payment',
    async () => {
      await page.getByRole('button', { name: /^Retirer Noah Tremblay de « Danse hip-hop »$/ }).click();
      await page.getByRole('button', { name: 'Confirmer les inscriptions' }).click();
      await expectHeading(page, /^Inscriptions enregistrées$/);
      const text = (await page.locator('main').textContent()) ?? '';
      assert((text.match(/place réservée, à payer/g) ?? []).length === 4, `not four held places: ${text}`);
      await page.getByRole('link', { name: /^Payer maintenant/ }).click();
      await page.waitForURL(/\/account\/orders\//);
      orderUrl = page.url();
    },
  );
  await axe(page, 'registrations recorded, order to pay (French)');

  await check('the parent pays the whole cart once with the test card', async () => {
    await page.getByLabel('Numéro de carte de test').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Payer .* \(mode test\)$/ }).click();
    await page.getByText(/Paiement de .* accepté/).waitFor();
  });

  await check('the four registrations are confirmed in « Mes inscriptions »', async () => {
    await page.goto('/joliette/registrations');
    await expectHeading(page, /^Mes inscriptions$/);
    const table = page.getByRole('table', { name: 'Inscriptions de mon ménage' });
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    assert((text.match(/confirmée/g) ?? []).length === 4, `not four confirmed: ${text}`);
  });
  await axe(page, 'my registrations (French)');

  await check('the citizen card shows the holder, number and QR code', async () => {
    await page.goto('/joliette/cards');
    await expectHeading(page, /^Cartes citoyennes$/);
    await page
      .getByRole('img', { name: /^Code QR du numéro 61025/ })
      .first()
      .waitFor();
  });
  await axe(page, 'citizen cards (French)');

  // English, in the partner town: the family has resident status there through Joliette.
  await check(
    'in English, the parent registers both children to two activities of Saint-Charles-Borromée',
    async () => {
      await page.getByRole('button', { name: 'English' }).click();
      const en = { who: /^Person to register$/, add: /^Add to cart$/, added: /is added to the cart/ };
      await addChildren(page, 'saint-charles-borromee', 'KARATE-H27', ['Léa Tremblay', 'Noah Tremblay'], en);
      const price = (await page.locator('main').textContent()) ?? '';
      assert(price.includes('Partner-town resident price'), 'the partner price is not shown');
      await addChildren(page, 'saint-charles-borromee', 'CAMP-SCB-27', ['Léa Tremblay', 'Noah Tremblay'], en);
      await page.goto('/saint-charles-borromee/cart');
      await expectHeading(page, /^My cart — Saint-Charles-Borromée$/);
    },
  );
  await axe(page, 'cart (English)');

  await check('in English, confirming and paying registers the four', async () => {
    await page.getByRole('button', { name: 'Confirm the registrations' }).click();
    await expectHeading(page, /^Registrations recorded$/);
    await axe(page, 'registrations recorded (English)');
    await page.getByRole('link', { name: /^Pay now/ }).click();
    await page.waitForURL(/\/account\/orders\//);
    assert(page.url() !== orderUrl, 'the same order was reused');
    await page.getByLabel('Test card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay .* \(test mode\)$/ }).click();
    await page.getByText(/Payment of .* accepted/).waitFor();
    await page.goto('/saint-charles-borromee/registrations');
    const table = page.getByRole('table', { name: 'My household’s registrations' });
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    assert((text.match(/confirmed/g) ?? []).length === 4, `not four confirmed: ${text}`);
  });
  await axe(page, 'my registrations (English)');
  await context.close();

  const narrow = await browser.newContext({
    baseURL: base,
    locale: 'fr-CA',
    viewport: { width: 320, height: 640 },
  });
  narrow.setDefaultTimeout(STEP_TIMEOUT);
  const small = await narrow.newPage();
  watch(small);
  await check('320 px: the catalogue has no horizontal scroll', async () => {
    await small.goto('/joliette/activities');
    await small.locator('.activity-card').first().waitFor();
    await noHorizontalScroll(small);
  });
  await narrow.close();

  const staffContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  staffContext.setDefaultTimeout(STEP_TIMEOUT);
  const staff = await staffContext.newPage();
  watch(staff);
  await check('recreation staff see the season’s activities with their fill rates', async () => {
    await signIn(staff, STAFF);
    await staff.goto('/staff/joliette/modules/recreation');
    await expectHeading(staff, /^Loisirs$/);
    await staff.getByRole('table', { name: 'Activités de la saison' }).waitFor();
  });
  await axe(staff, 'staff: activities');
  await check('the swimming attendance list names Léa and Noah', async () => {
    await staff.getByLabel('Saison', { exact: true }).selectOption({ label: 'Hiver 2027' });
    await staff.getByRole('link', { name: /NAT-J1-H27/ }).waitFor();
    const row = staff.getByRole('row', { name: /NAT-J1-H27/ });
    await row.getByRole('link', { name: 'Liste de présences' }).click();
    await expectHeading(staff, /^Présences — Natation Junior 1 à 4$/);
    const text = (await staff.locator('main table').textContent()) ?? '';
    assert(text.includes('Tremblay, Léa') && text.includes('Tremblay, Noah'), `attendance: ${text}`);
  });
  await axe(staff, 'staff: attendance list');
  await check('the statistics draw charts with their tables', async () => {
    await staff.goto('/staff/joliette/modules/recreation/reports');
    await expectHeading(staff, /^Statistiques$/);
    await staff.locator('figure.chart svg').first().waitFor();
  });
  await axe(staff, 'staff: statistics');
  await check('the counter checks a card number', async () => {
    await staff.goto('/staff/joliette/modules/recreation/counter');
    await staff.getByLabel('Numéro de carte', { exact: true }).first().fill('61025000000014');
    await staff.getByRole('button', { name: 'Vérifier' }).click();
    await staff.locator('.error-summary, .alert').first().waitFor();
  });
  await axe(staff, 'staff: counter');
  await staffContext.close();

  await check('no JavaScript error or Content-Security-Policy violation in the browser', async () => {
    assert(browserProblems.length === 0, browserProblems.join('\n'));
  });
}

async function main(): Promise<number> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'civique-e2e-registrations-'));
  let output = '';
  const server = spawn(process.execPath, ['src/main.ts', 'serve', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = () => server.kill('SIGKILL');
  process.once('exit', stop);
  let browser: Browser | undefined;
  try {
    const started = await check('the server starts with demo data', async () =>
      waitForHealth(base, server, 180_000),
    );
    if (!started) {
      log(output.split('\n').slice(-20).join('\n'));
      return 1;
    }
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    await run(base, browser);
  } catch (error) {
    results.push({ name: 'registrations browser test run', ok: false });
    log(`✗ stopped: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close().catch(() => {});
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', stop);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok).length;
  log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exit(await main());
