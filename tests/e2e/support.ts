// What every browser suite shares: checks that print one line each, axe-core, the browser's own errors,
// sign-in, and one demo server started per suite. A suite calls `runSuite(name, run)` and exits with its
// result; it ends with "N passed, N failed", which tests/e2e/run-all.ts adds up.
// Expressions sent to the page are strings: these files are type-checked with Node's types only (no DOM).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(join(require.resolve('axe-core'), '..', 'axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The password of every demonstration account. */
export const PASSWORD = 'Erable-Fleuve-2026';
export const STEP_TIMEOUT = 20_000;
/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
    '--disable-sync',
  ],
};

const results: Array<{ name: string; ok: boolean }> = [];
const browserProblems: string[] = [];

export const log = (line: string) => process.stdout.write(`${line}\n`);

/** Runs one named check; prints ✓ or ✗ with the reason; never throws. */
export async function check(name: string, run: () => Promise<void>): Promise<boolean> {
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

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export async function freePort(): Promise<number> {
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

export async function inPage<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

/** One axe-core rule broken on a page: the rule, its impact, and the first elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core (WCAG 2.x A and AA) on the page as it is now; axe is loaded once per document. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await inPage<boolean>(page, "typeof window.axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  return inPage<AxeViolation[]>(
    page,
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((result) =>
      result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) })))`,
  );
}

/** Prints axe-core's violations, one line each. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`).join('\n');

/** axe-core (WCAG 2.x A and AA) on the page as it is now, as one check. */
export async function axe(page: Page, label: string): Promise<boolean> {
  return check(`axe: ${label}`, async () => {
    const violations = await axeViolations(page);
    assert(violations.length === 0, describeViolations(violations));
  });
}

export async function expectHeading(page: Page, expected: RegExp): Promise<void> {
  await page.locator('main h1', { hasText: expected }).waitFor({ timeout: STEP_TIMEOUT });
}

/** Collects the page's JavaScript errors and console errors (CSP violations among them). */
export function watch(page: Page): void {
  page.on('pageerror', (error) => browserProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource'))
      browserProblems.push(`console: ${text}`);
  });
}

/**
 * A new browser context on the suite's server (its own cookies: one person), in the given locale and
 * viewport, with the step timeout and the browser's errors watched; returns its page.
 */
export async function openPage(
  browser: Browser,
  base: string,
  options: { locale: 'fr-CA' | 'en-CA'; viewport?: { width: number; height: number } },
): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, ...options });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  watch(page);
  return page;
}

/** The check every suite ends with: the browser reported no error on any watched page. */
export async function noBrowserProblems(): Promise<boolean> {
  return check('no JavaScript error or Content-Security-Policy violation in the browser', async () => {
    assert(browserProblems.length === 0, browserProblems.join('\n'));
  });
}

/** The page fits its viewport: nothing makes it scroll sideways (e.g. at 320 px on a phone). */
export async function noHorizontalScroll(page: Page): Promise<void> {
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

/** Signs in on the page (French or English), with the TOTP step when a secret is given. */
export async function signIn(page: Page, email: string, totpSecret?: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^(Adresse courriel|E-mail address)$/).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)$/).fill(PASSWORD);
  await page.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
  if (totpSecret) {
    const field = page.getByLabel(/^(Code de l’application d’authentification|Authenticator app code)$/);
    await field.waitFor();
    await field.fill(await generate({ secret: totpSecret }));
    await page.getByRole('button', { name: /^(Vérifier|Verify)$/ }).click();
  }
  await expectHeading(page, /^(Profil|Profile)$/);
}

/** The TOTP secret the demo server printed for a demonstration administrator. */
export function totpSecretOf(serverOutput: string, email: string): string | undefined {
  return new RegExp(`\\s${email.replace(/[.]/g, '\\.')}\\s[^\\n]*\\n\\s*TOTP:\\s*([A-Z2-7]+)`).exec(
    serverOutput,
  )?.[1];
}

export type SuiteServer = { base: string; output: () => string };

/**
 * Starts `serve --demo` on a free port with an empty data directory, launches Chromium, runs the suite,
 * stops everything and exits with 0 when every check passed.
 */
export async function runSuite(
  name: string,
  run: (browser: Browser, server: SuiteServer) => Promise<void>,
  env: Record<string, string> = {},
): Promise<never> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), `civique-e2e-${name}-`));
  let output = '';
  const server = spawn(process.execPath, ['src/main.ts', 'serve', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  const stop = () => server.kill('SIGKILL');
  process.once('exit', stop);
  let browser: Browser | undefined;
  try {
    const started = await check('the server starts with demo data', async () =>
      waitForHealth(base, server, 300_000),
    );
    if (started) {
      browser = await chromium.launch(CHROMIUM);
      await run(browser, { base, output: () => output });
    } else {
      log(output.split('\n').slice(-20).join('\n'));
    }
  } catch (error) {
    results.push({ name: `${name} browser test run`, ok: false });
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
  process.exit(failed === 0 ? 0 : 1);
}
