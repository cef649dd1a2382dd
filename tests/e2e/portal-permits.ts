#!/usr/bin/env node
// Browser test of permits (issue 7): a resident of Rivière-du-Loup applies for a pool permit (property from the
// roll, form, plan uploaded), pays the fee in the sandbox, urban-planning staff check the file and approve it,
// and anyone verifies the permit through the QR code's address (read from the permit's PDF). The roll, a unit
// page, the citizen map and the registry are visited too. axe-core (WCAG 2.x A/AA) runs on every page, in
// French and in English. Prints one line per check and ends with "N passed, N failed".
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
const PLANNER = 'urbanisme.rdl@demo.civique.ca';
const TOWN = 'riviere-du-loup';
const STEP_TIMEOUT = 20_000;
const PLAN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n',
);

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

async function run(base: string, browser: Browser): Promise<void> {
  // The resident (French) applies for a pool permit.
  const residentContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  residentContext.setDefaultTimeout(STEP_TIMEOUT);
  const resident = await residentContext.newPage();
  watch(resident);
  let fileUrl = '';
  let reference = '';

  await check('the resident opens the permits of Rivière-du-Loup', async () => {
    await signIn(resident, RESIDENT);
    await resident.goto(`/${TOWN}/permits`);
    await expectHeading(resident, /^Permis et déclarations de travaux — Rivière-du-Loup$/);
    await resident.getByRole('heading', { name: 'Piscine' }).waitFor();
  });
  await axe(resident, 'permits home (French)');

  await check('the resident picks the property from the roll and fills in the pool form', async () => {
    await resident.getByRole('link', { name: /Faire une demande — Piscine$/ }).click();
    await expectHeading(resident, /^Demande de permis : Piscine$/);
    await resident.getByLabel('Chercher la propriété au rôle d’évaluation').fill('rue lafontaine');
    const choose = resident.getByRole('button', { name: /^Choisir .*Lafontaine/ }).first();
    await choose.click();
    await resident.getByRole('button', { name: 'Changer de propriété' }).waitFor();
    await resident.getByLabel('Type de piscine').selectOption({ label: 'Hors terre' });
    await resident.getByLabel('Hauteur de la paroi (m)').fill('1,3');
    await resident
      .getByLabel('Enceinte de 1,2 m avec porte à fermeture automatique')
      .selectOption({ label: 'Oui' });
    await resident.getByLabel('Distance de la ligne de terrain (m)').fill('2');
    await resident.getByLabel('Début prévu des travaux').fill('2026-06-15');
    await resident.getByText('Tarif calculé : 50,00 $').waitFor();
    await resident.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await resident.getByLabel('Plan d’implantation ou certificat de localisation').waitFor();
  });
  await axe(resident, 'permit application form (French)');

  await check('the resident uploads the site plan, submits and pays in the sandbox', async () => {
    await resident
      .getByLabel('Plan d’implantation ou certificat de localisation')
      .setInputFiles({ name: 'plan-implantation.pdf', mimeType: 'application/pdf', buffer: PLAN_PDF });
    await resident.getByText('plan-implantation.pdf').waitFor();
    await resident.getByRole('button', { name: 'Envoyer et payer 50,00 $' }).click();
    await expectHeading(resident, /^Dossier RDL-\d{4}-\d{6}$/);
    reference = ((await resident.locator('main h1').textContent()) ?? '').replace('Dossier ', '').trim();
    fileUrl = new URL(resident.url()).pathname;
    await resident.getByText('En attente de paiement').first().waitFor();
    await axe(resident, 'permit file awaiting payment (French)');
    await resident.getByLabel('Numéro de carte').fill('4242 4242 4242 4242');
    await resident.getByRole('button', { name: 'Payer 50,00 $' }).click();
    await resident.locator('.portal-status', { hasText: 'Reçue' }).waitFor();
    await resident.getByText(/Délai de traitement : 0 jours ouvrables écoulés sur 15/).waitFor();
  });
  await axe(resident, 'permit file received (French)');

  // Urban-planning staff check and approve.
  const staffContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  staffContext.setDefaultTimeout(STEP_TIMEOUT);
  const staff = await staffContext.newPage();
  watch(staff);
  await check('staff see the dashboard with its charts', async () => {
    await signIn(staff, PLANNER);
    await staff.goto(`/staff/${TOWN}/modules/urban_planning`);
    await expectHeading(staff, /^Urbanisme$/);
    await staff.getByRole('img', { name: 'Dossiers par étape' }).waitFor();
  });
  await axe(staff, 'urban planning dashboard');

  await check('staff find the file, mark it complete and approve it with conditions', async () => {
    await staff.goto(`/staff/${TOWN}/modules/urban_planning/permits`);
    await expectHeading(staff, /^Dossiers de permis$/);
    await staff.getByRole('link', { name: reference }).click();
    await expectHeading(staff, new RegExp(`^Dossier ${reference}$`));
    await axe(staff, 'staff permit file');
    await staff.getByRole('button', { name: 'Dossier complet' }).click();
    await staff.getByRole('button', { name: 'Confirmer : Dossier complet' }).click();
    await staff.locator('.portal-status', { hasText: 'En analyse' }).first().waitFor();
    await staff.getByRole('button', { name: 'Approuver et délivrer' }).click();
    await staff.getByLabel(/Conditions du permis/).fill('Enceinte conforme avant le remplissage.');
    await staff.getByRole('button', { name: 'Confirmer : Approuver et délivrer' }).click();
    await staff.locator('.portal-status', { hasText: 'Permis délivré' }).first().waitFor();
  });
  await axe(staff, 'staff permit file after approval');

  let verifyUrl = '';
  await check('the resident downloads the permit, whose QR code address verifies it', async () => {
    await resident.goto(fileUrl);
    await resident.getByRole('heading', { name: /^Permis no RDL-P-\d{4}-\d{6}$/ }).waitFor();
    const pdfHref = await resident
      .getByRole('link', { name: 'Télécharger le permis (PDF bilingue)' })
      .getAttribute('href');
    assert(pdfHref, 'no link to the permit PDF');
    const pdf = await resident.request.get(pdfHref);
    assert(pdf.ok(), `the PDF answered ${pdf.status()}`);
    const body = (await pdf.body()).toString('latin1');
    assert(body.startsWith('%PDF'), 'the permit is not a PDF');
    // The QR code encodes the same address as the PDF's verification link.
    verifyUrl = /\/URI \((http[^)]+\/permits\/verify\/[\w-]+)\)/.exec(body)?.[1] ?? '';
    assert(verifyUrl.includes(`/${TOWN}/permits/verify/`), 'no verification address in the PDF');
  });
  await axe(resident, 'permit file with the issued permit (French)');

  // Anyone, in English, verifies the permit and looks at the roll, the map and the registry.
  const visitorContext = await browser.newContext({ baseURL: base, locale: 'en-CA' });
  visitorContext.setDefaultTimeout(STEP_TIMEOUT);
  const visitor = await visitorContext.newPage();
  watch(visitor);
  await check('a visitor in English opens the QR code address and sees a genuine permit', async () => {
    await visitor.goto('/');
    await visitor.getByRole('button', { name: 'English' }).click();
    await visitor.goto(new URL(verifyUrl).pathname);
    await expectHeading(visitor, /^Permit verification$/);
    await visitor.getByText('Genuine permit, in force').waitFor();
    await visitor.getByText('Enceinte conforme avant le remplissage.').waitFor();
  });
  await axe(visitor, 'permit verification (English)');

  await check('the registry lists the permit, with open data links', async () => {
    await visitor.goto(`/${TOWN}/permits/registry`);
    await expectHeading(visitor, /^Registry of issued permits — Rivière-du-Loup$/);
    await visitor.getByRole('link', { name: 'CSV' }).waitFor();
    await visitor.getByRole('table').getByText('Swimming pool').first().waitFor();
  });
  await axe(visitor, 'permit registry (English)');

  await check(
    'the roll finds a unit by address despite the missing accent, and shows its values',
    async () => {
      await visitor.goto(`/${TOWN}/roll`);
      await expectHeading(visitor, /^Property assessment roll — Rivière-du-Loup$/);
      await visitor.getByLabel('Address, roll number or lot number').fill('rue temiscouata');
      await visitor
        .getByRole('link', { name: /Témiscouata/ })
        .first()
        .click();
      await visitor.getByRole('heading', { name: 'Roll values' }).waitFor();
      await visitor.getByText('To protect privacy, owners are not shown to the public.').waitFor();
    },
  );
  await axe(visitor, 'roll unit page (English)');

  await check('the citizen map combines layers with toggles and a list view', async () => {
    await visitor.goto(`/${TOWN}/map`);
    await expectHeading(visitor, /^Citizen map — Rivière-du-Loup$/);
    await visitor.getByRole('checkbox', { name: 'Issued permits' }).waitFor();
    await visitor.getByRole('checkbox', { name: 'Zoning' }).waitFor();
    await visitor.getByRole('button', { name: 'List', exact: true }).click();
    await visitor
      .getByRole('table', { name: 'Items of the citizen map' })
      .getByText('Town hall')
      .first()
      .waitFor();
  });
  await axe(visitor, 'citizen map, list view (English)');

  await check('the French roll search and map pages open', async () => {
    await resident.goto(`/${TOWN}/roll`);
    await expectHeading(resident, /^Rôle d’évaluation foncière — Rivière-du-Loup$/);
    await axe(resident, 'roll search (French)');
    await resident.goto(`/${TOWN}/map`);
    await expectHeading(resident, /^Carte citoyenne — Rivière-du-Loup$/);
  });
  await axe(resident, 'citizen map (French)');

  const narrow = await browser.newContext({
    baseURL: base,
    locale: 'fr-CA',
    viewport: { width: 320, height: 640 },
  });
  const small = await narrow.newPage();
  watch(small);
  await check('320 px: the permits page has no horizontal scroll', async () => {
    await small.goto(`/${TOWN}/permits`);
    await expectHeading(small, /^Permis et déclarations/);
    const sizes = await inPage<{ scroll: number; viewport: number }>(
      small,
      '({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth })',
    );
    assert(
      sizes.scroll <= sizes.viewport,
      `page is ${sizes.scroll}px wide in a ${sizes.viewport}px viewport`,
    );
  });

  await check('no JavaScript error or Content-Security-Policy violation in the browser', async () => {
    assert(browserProblems.length === 0, browserProblems.join('\n'));
  });
  await Promise.all([residentContext.close(), staffContext.close(), visitorContext.close(), narrow.close()]);
}

async function main(): Promise<number> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'civique-e2e-portal-'));
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
    results.push({ name: 'portal browser test run', ok: false });
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
