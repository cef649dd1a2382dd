#!/usr/bin/env node
// Browser test of recreation registrations: a parent puts two children in two activities in one cart, confirms
// (places taken at confirmation), pays once in test mode and sees the four registrations confirmed — in
// French in Joliette, then in English in Saint-Charles-Borromée (a partner town: resident status there); a
// too-young child is refused with a clear message while the cart is kept; the citizen card shows on the
// phone view; staff see the attendance list and the statistics. axe-core (WCAG 2.x A/AA) runs on every page.
// Prints one line per check and ends with "N passed, N failed".
import type { Browser, Page } from 'playwright-core';
import {
  assert,
  axe,
  check,
  expectHeading,
  noBrowserProblems,
  noHorizontalScroll,
  runSuite,
  STEP_TIMEOUT,
  type SuiteServer,
  signIn,
  watch,
} from './support.ts';

const RESIDENT = 'resident@demo.civique.ca';
const STAFF = 'loisirs.joliette@demo.civique.ca';

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

async function run(browser: Browser, { base }: SuiteServer): Promise<void> {
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

  await check('the town’s home page leads to recreation', async () => {
    await page.evaluate(() => localStorage.setItem('civique.town', 'joliette'));
    await page.goto('/');
    await expectHeading(page, /Joliette/);
    await page.getByRole('link', { name: 'Loisirs et inscriptions' }).click();
    await expectHeading(page, /^Loisirs, sports et culture — Joliette$/);
  });

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
      // The price comes with the person's eligibility (its own request): wait for it rather than read at once.
      await page
        .getByText('Partner-town resident price')
        .first()
        .waitFor()
        .catch(() => {
          throw new Error('the partner price is not shown');
        });
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

  await noBrowserProblems();
}

await runSuite('registrations', run);
