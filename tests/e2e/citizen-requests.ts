#!/usr/bin/env node
// Browser test of requests to the city: a resident reports a pothole with a photo and a map pin (after a
// refused attempt that keeps what was typed), a neighbour in English finds it nearby and follows it, staff
// post a public update and change its status, and the neighbour sees them. axe-core (WCAG 2.x A/AA) runs on
// every page, in French and in English. Prints one line per check and ends with "N passed, N failed".
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { type Browser, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(join(require.resolve('axe-core'), '..', 'axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Erable-Fleuve-2026';
const RESIDENT = 'resident@demo.civique.ca';
const NEIGHBOUR = 'loisirs.joliette@demo.civique.ca';
const ADMIN = 'admin.joliette@demo.civique.ca';
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

async function signIn(page: Page, email: string, totpSecret?: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^(Adresse courriel|E-mail address)$/).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)$/).fill(PASSWORD);
  await page.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
  if (totpSecret) {
    const field = page.getByLabel('Code de l’application d’authentification');
    await field.waitFor();
    await field.fill(await generate({ secret: totpSecret }));
    await page.getByRole('button', { name: 'Vérifier' }).click();
  }
  await expectHeading(page, /^(Profil|Profile)$/);
}

/** Places the pin at the centre of the map once the map has moved to the town's requests. */
async function pinAtCentre(page: Page, mapName: RegExp): Promise<string> {
  const map = page.getByRole('region', { name: mapName });
  await map.waitFor();
  const box = await map.boundingBox();
  assert(box, 'the map has no size');
  await map.click({ position: { x: Math.round(box.width / 2), y: Math.round(box.height / 2) } });
  const picked = page.locator('.req-picked');
  await picked.filter({ hasText: /46\.0\d+, -73\.4\d+/ }).waitFor();
  return (await picked.textContent()) ?? '';
}

async function run(base: string, browser: Browser, adminSecret: string | undefined): Promise<void> {
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b5b4b' } })
    .withExifMerge({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '46/1 1/1 21/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '73/1 26/1 30/1',
      },
    })
    .jpeg()
    .toBuffer();

  // The resident (French) reports a pothole.
  const residentContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  residentContext.setDefaultTimeout(STEP_TIMEOUT);
  const resident = await residentContext.newPage();
  watch(resident);
  let requestUrl = '';
  let reference = '';

  await check('the requests page of Joliette shows the public map with the demo requests', async () => {
    await resident.goto('/joliette/requests');
    await expectHeading(resident, /^Requêtes à la ville — Joliette$/);
    await resident
      .getByText(/\d+ éléments/)
      .first()
      .waitFor();
    await resident.getByRole('button', { name: 'Liste', exact: true }).click();
    await resident.getByRole('table', { name: 'Requêtes signalées à la ville' }).waitFor();
    const text = (await resident.getByRole('table').textContent()) ?? '';
    assert(!text.includes('@'), 'the public list shows an e-mail address');
    assert(text.includes('Approximatif'), 'no sensitive request is shown as approximate');
  });
  await axe(resident, 'requests home (public map, list view)');

  await check('the resident signs in and opens the report form', async () => {
    await signIn(resident, RESIDENT);
    const mapLoaded = resident.waitForResponse((r) => r.url().includes('/requests/map'));
    await resident.goto('/joliette/requests/new');
    await expectHeading(resident, /^Signaler un problème — Joliette$/);
    await mapLoaded;
  });
  await axe(resident, 'report form (empty)');

  await check('a report without category or place is refused and keeps what was typed', async () => {
    await resident
      .getByLabel('Description')
      .fill('Trou profond devant le dépanneur, les autos font un écart.');
    await resident.getByRole('button', { name: 'Envoyer la requête' }).click();
    await resident.locator('.error-summary').waitFor();
    const kept = await resident.getByLabel('Description').inputValue();
    assert(kept.startsWith('Trou profond'), 'the description was lost');
  });
  await axe(resident, 'report form (with errors)');

  await check('the resident reports a pothole with a photo and a map pin', async () => {
    await resident.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Nid-de-poule' });
    await resident.getByLabel('Taille approximative').selectOption({ label: 'Plus de 60 cm' });
    await pinAtCentre(resident, /^Carte pour placer le repère$/);
    await resident
      .locator('input[type="file"]')
      .setInputFiles({ name: 'nid.jpg', mimeType: 'image/jpeg', buffer: photo });
    await resident.getByRole('list', { name: 'Photos jointes' }).getByText('nid.jpg').waitFor();
    await resident.getByRole('button', { name: 'Envoyer la requête' }).click();
    await expectHeading(resident, /^Requête JOL-\d{4}-\d{6}$/);
    reference = ((await resident.locator('main h1').textContent()) ?? '').replace('Requête ', '').trim();
    requestUrl = new URL(resident.url()).pathname;
    await resident.getByText(`Requête ${reference} transmise`).waitFor();
    await resident.getByRole('img', { name: /Photo 1 jointe à la requête/ }).waitFor();
  });
  await axe(resident, 'request page (reporter, French)');

  await check('the request is listed in “Mes requêtes”', async () => {
    await resident.goto('/joliette/requests/mine');
    await expectHeading(resident, /^Mes requêtes$/);
    await resident.getByRole('link', { name: reference }).waitFor();
  });
  await axe(resident, 'my requests');

  // A neighbour, in English, finds it nearby and follows it.
  const neighbourContext = await browser.newContext({ baseURL: base, locale: 'en-CA' });
  neighbourContext.setDefaultTimeout(STEP_TIMEOUT);
  const neighbour = await neighbourContext.newPage();
  watch(neighbour);
  await check('a neighbour in English sees the open pothole nearby and follows it', async () => {
    await signIn(neighbour, NEIGHBOUR);
    // Their profile says French: they switch to English (saved to their profile, so notices come in English).
    await neighbour.getByRole('button', { name: 'English' }).click();
    await expectHeading(neighbour, /^Profile$/);
    const mapLoaded = neighbour.waitForResponse((r) => r.url().includes('/requests/map'));
    await neighbour.goto('/joliette/requests/new');
    await expectHeading(neighbour, /^Report a problem — Joliette$/);
    await mapLoaded;
    await neighbour.getByLabel('Category', { exact: true }).selectOption({ label: 'Pothole' });
    await pinAtCentre(neighbour, /^Map to place the pin$/);
    const follow = neighbour.getByRole('button', { name: `Follow this request ${reference}` });
    await follow.waitFor();
    await axe(neighbour, 'report form with nearby requests (English)');
    await follow.click();
    await expectHeading(neighbour, new RegExp(`^Request ${reference}$`));
    await neighbour.getByText('You follow this request').waitFor();
  });
  await axe(neighbour, 'request page (follower, English)');

  // Staff post a public update and change the status.
  const staffContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  staffContext.setDefaultTimeout(STEP_TIMEOUT);
  const staff = await staffContext.newPage();
  watch(staff);
  await check('staff find the request in the queue', async () => {
    assert(adminSecret, 'no TOTP secret for the Joliette administrator in the server output');
    await signIn(staff, ADMIN, adminSecret);
    await staff.goto(`/staff/joliette/modules/requests?q=${reference}`);
    await expectHeading(staff, /^Requêtes citoyennes$/);
    await staff.getByRole('link', { name: reference }).click();
    await expectHeading(staff, new RegExp(`^Requête ${reference}$`));
  });
  await axe(staff, 'staff request page');

  await check('staff post a public update and set the request in progress', async () => {
    await staff.getByLabel('Mise à jour publique (envoyée aux personnes qui suivent)').check();
    await staff.getByLabel('Texte', { exact: true }).fill('Une équipe passera demain matin.');
    await staff.getByRole('button', { name: 'Publier la mise à jour' }).click();
    await staff.locator('.req-history').getByText('Une équipe passera demain matin.').waitFor();
    const statusForm = staff.locator('form', {
      has: staff.getByRole('heading', { name: 'Changer le statut' }),
    });
    await statusForm.getByLabel('Nouveau statut').selectOption({ label: 'En cours' });
    await statusForm.getByLabel(/Message aux personnes qui suivent/).fill('Travaux commencés.');
    await statusForm.getByRole('button', { name: 'Enregistrer' }).click();
    await staff.locator('.req-history').getByText('Travaux commencés.').waitFor();
  });

  await check('the queue, its map, the statistics and the set-up open', async () => {
    await staff.goto('/staff/joliette/modules/requests');
    await staff.getByRole('table').waitFor();
    await axe(staff, 'staff queue (list)');
    await staff.getByRole('button', { name: 'Carte', exact: true }).first().click();
    await staff.getByRole('region', { name: 'Requêtes de la file' }).waitFor();
    await axe(staff, 'staff queue (map)');
    await staff.getByRole('link', { name: 'Statistiques' }).click();
    await expectHeading(staff, /^Statistiques des requêtes$/);
    await staff.getByRole('img', { name: 'Requêtes reçues par semaine' }).waitFor();
    await axe(staff, 'staff statistics');
    await staff.getByRole('link', { name: 'Configuration' }).click();
    await expectHeading(staff, /^Configuration des requêtes$/);
    await staff.getByRole('heading', { name: 'Clés d’API Open311' }).waitFor();
    await axe(staff, 'staff set-up');
  });

  await check('the neighbour sees the staff update and the new status', async () => {
    await neighbour.goto(requestUrl);
    await expectHeading(neighbour, new RegExp(`^Request ${reference}$`));
    await neighbour.locator('.req-history').getByText('Une équipe passera demain matin.').waitFor();
    await neighbour.locator('.req-status', { hasText: 'In progress' }).first().waitFor();
  });
  await axe(neighbour, 'request page after the update (English)');

  const narrow = await browser.newContext({
    baseURL: base,
    locale: 'fr-CA',
    viewport: { width: 320, height: 640 },
  });
  const small = await narrow.newPage();
  watch(small);
  await check('320 px: the report form has no horizontal scroll', async () => {
    await small.goto('/joliette/requests/new');
    await expectHeading(small, /^Signaler un problème/);
    const sizes = await inPage<{ scroll: number; viewport: number }>(
      small,
      '({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth })',
    );
    assert(
      sizes.scroll <= sizes.viewport,
      `page is ${sizes.scroll}px wide in a ${sizes.viewport}px viewport`,
    );
  });
  await axe(small, 'report form at 320 px (guest)');

  await check('no JavaScript error or Content-Security-Policy violation in the browser', async () => {
    assert(browserProblems.length === 0, browserProblems.join('\n'));
  });
  await Promise.all([
    residentContext.close(),
    neighbourContext.close(),
    staffContext.close(),
    narrow.close(),
  ]);
}

async function main(): Promise<number> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'civique-e2e-requests-'));
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
    const adminSecret = new RegExp(
      `\\s${ADMIN.replace(/[.]/g, '\\.')}\\s[^\\n]*\\n\\s*TOTP:\\s*([A-Z2-7]+)`,
    ).exec(output)?.[1];
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
    await run(base, browser, adminSecret);
  } catch (error) {
    results.push({ name: 'requests browser test run', ok: false });
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
