#!/usr/bin/env node
// Browser test of the regional site (issue 12), at 320 px in French and in English: the public pages read
// with JavaScript turned off; a visitor finds a daycare on the interactive map (search, then the list view),
// then books an appointment with the immigration advisor. axe-core (WCAG 2.x A/AA) runs on every page.
// Prints one line per check and ends with "N passed, N failed".
import type { Browser } from 'playwright-core';
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

const MRC = 'mrc-kamouraska';
const STAFF = 'attractivite.kamouraska@demo.civique.ca';
const PHONE = { width: 320, height: 640 };

async function run(browser: Browser, { base }: SuiteServer): Promise<void> {
  const noJs = await browser.newContext({
    baseURL: base,
    locale: 'fr-CA',
    javaScriptEnabled: false,
    viewport: PHONE,
  });
  const bare = await noJs.newPage();
  await check('without JavaScript, the regional site shows its content, menu and map list', async () => {
    await bare.goto(`/region/${MRC}/fr/vivre-ici`);
    await bare.locator('main h1', { hasText: 'Vivre ici' }).waitFor({ timeout: STEP_TIMEOUT });
    await bare
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Garderies' })
      .waitFor();
    await bare.goto(`/region/${MRC}/fr/lieux?categorie=daycare`);
    await bare.getByRole('link', { name: 'CPE Les Pitchounes' }).waitFor();
  });

  for (const [locale, lang] of [
    ['fr-CA', 'fr'],
    ['en-CA', 'en'],
  ] as const) {
    const fr = lang === 'fr';
    const context = await browser.newContext({ baseURL: base, locale, viewport: PHONE });
    context.setDefaultTimeout(STEP_TIMEOUT);
    const page = await context.newPage();
    watch(page);

    await check(`${lang}: the server-rendered home page fits 320 px`, async () => {
      await page.goto(`/region/${MRC}/${lang}`);
      await page.locator('main h1', { hasText: fr ? 'MRC de Kamouraska' : 'Kamouraska RCM' }).waitFor();
      await noHorizontalScroll(page);
    });
    await axe(page, `regional site home (${lang}, 320 px)`);
    await page.goto(`/region/${MRC}/${lang}/evenements/salon-emploi-kamouraska`);
    await axe(page, `event page (${lang}, 320 px)`);

    await check(`${lang}: a visitor finds a daycare on the interactive map`, async () => {
      await page.goto(`/${MRC}/region/carte`);
      if (!fr) await page.getByRole('button', { name: 'English' }).click();
      await expectHeading(
        page,
        fr ? /^Carte du territoire — MRC de Kamouraska$/ : /^Map of the territory — Kamouraska RCM$/,
      );
      await page.getByLabel(fr ? 'Rechercher un lieu' : 'Search for a place').fill('Pitchounes');
      await page.getByText(fr ? '1 lieu affiché' : '1 place shown', { exact: true }).waitFor();
      await page.getByRole('button', { name: fr ? 'Liste' : 'List', exact: true }).click();
      await page
        .getByRole('link', { name: fr ? 'CPE Les Pitchounes' : 'Les Pitchounes early-childhood centre' })
        .waitFor();
      await noHorizontalScroll(page);
    });
    await axe(page, `interactive map, list view (${lang}, 320 px)`);

    await check(`${lang}: the visitor books an appointment with the immigration advisor`, async () => {
      await page.goto(`/${MRC}/region/contacts`);
      await expectHeading(page, fr ? /^Personnes-ressources/ : /^Resource people/);
      await page.getByRole('link', { name: /Moussa Ndiaye$/ }).click();
      await expectHeading(page, /^Moussa Ndiaye$/);
      await page.getByRole('radio').first().check();
      await page
        .getByLabel(fr ? 'Votre nom' : 'Your name')
        .first()
        .fill('Amina Diallo');
      await page
        .getByLabel(fr ? 'Votre courriel' : 'Your e-mail')
        .first()
        .fill(`amina.${lang}@example.test`);
      await page
        .getByLabel(fr ? /^J’accepte/ : /^I agree/)
        .first()
        .check();
      await page
        .getByRole('button', { name: fr ? 'Confirmer le rendez-vous' : 'Confirm the appointment' })
        .click();
      await page.getByText(fr ? /^Rendez-vous confirmé/ : /^Appointment confirmed/).waitFor();
      const href = await page
        .getByRole('link', { name: fr ? 'Ajouter à mon agenda (.ics)' : 'Add to my calendar (.ics)' })
        .getAttribute('href');
      assert(href && /\.ics$/.test(href), `calendar link: ${href}`);
      const ics = await (await fetch(`${base}${href}`)).text();
      assert(
        ics.includes('BEGIN:VEVENT') && ics.includes('METHOD:REQUEST'),
        'the invitation is an iCalendar request',
      );
      await noHorizontalScroll(page);
    });
    await axe(page, `appointment booked (${lang}, 320 px)`);
    await context.close();
  }

  // MRC staff edit a page: a saved draft stays off the public site until published; then they restore.
  const staffContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  staffContext.setDefaultTimeout(STEP_TIMEOUT);
  const staff = await staffContext.newPage();
  watch(staff);
  await check('staff open the regional site’s pages and visit charts', async () => {
    await signIn(staff, STAFF);
    await staff.goto(`/staff/${MRC}/modules/attraction/site`);
    await expectHeading(staff, /^Site régional$/);
    await staff.getByRole('figure').first().waitFor();
  });
  await axe(staff, 'staff regional site (French)');
  await check('staff save a draft, which the public does not see until they publish it', async () => {
    await staff.getByRole('link', { name: 'Vivre ici', exact: true }).click();
    await expectHeading(staff, /^Modifier « Vivre ici »$/);
    await staff.getByLabel('Titre (FR)').fill('Vivre au Kamouraska');
    await staff.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await staff.getByText('Version 2 enregistrée (brouillon).').waitFor();
    const before = await (await fetch(`${base}/region/${MRC}/fr/vivre-ici`)).text();
    assert(
      before.includes('<h1>Vivre ici</h1>') && !before.includes('Vivre au Kamouraska'),
      'the draft stays private',
    );
    await staff.getByRole('button', { name: 'Publier la dernière version' }).click();
    await staff.getByText('Version 2 publiée.').waitFor();
    const after = await (await fetch(`${base}/region/${MRC}/fr/vivre-ici`)).text();
    assert(after.includes('<h1>Vivre au Kamouraska</h1>'), 'the published revision is public');
    await staff.getByRole('button', { name: 'Restaurer la version 1' }).click();
    await staff.getByText('La version 1 a été copiée dans une nouvelle version 3 (brouillon).').waitFor();
  });
  await axe(staff, 'page editor with revisions (French)');

  await noBrowserProblems();
  await Promise.all([noJs.close(), staffContext.close()]);
}

await runSuite('region', run);
