#!/usr/bin/env node
// Browser test of operations (issue 8): on a phone-sized screen, the Rivière-du-Loup operator enters a low
// free-chlorine reading at the plant outlet; the alarm reaches the on-call person (their inbox) and shows on
// the compliance page, where it is taken. The stations hub (map and table), a station's chart and the
// reports page are visited too (the demo operator reads French). axe-core (WCAG 2.x A/AA) runs on every page. Ends with "N passed, N failed".
import type { Browser } from 'playwright-core';
import {
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

// The demo's operator is also level 1 of Rivière-du-Loup's on-call roster.
const OPERATOR = 'urbanisme.rdl@demo.civique.ca';
const BASE = '/staff/riviere-du-loup/modules/operations';

async function run(browser: Browser, { base }: SuiteServer): Promise<void> {
  const phone = await browser.newContext({
    baseURL: base,
    locale: 'fr-CA',
    viewport: { width: 360, height: 740 },
  });
  phone.setDefaultTimeout(STEP_TIMEOUT);
  const page = await phone.newPage();
  watch(page);

  await check('the operator opens the reading form on a phone', async () => {
    await signIn(page, OPERATOR);
    await page.goto(`${BASE}/entry`);
    await expectHeading(page, /^Saisie de lectures$/);
    await noHorizontalScroll(page);
  });
  await axe(page, 'manual entry (phone, French)');

  await check('a low chlorine reading at the outlet raises the alarm', async () => {
    await page
      .getByLabel('Station')
      .selectOption({ label: 'UTE-RDL — Usine de traitement d’eau potable — sortie' });
    await page.getByLabel('Mesure').selectOption({ label: 'Chlore résiduel libre' });
    const labels = await page.locator('label').allTextContents();
    if (!labels.some((l) => l.startsWith('Valeur (mg/L)'))) throw new Error(`labels: ${labels.join(' | ')}`);
    await page.getByLabel(/^Valeur \(mg\/L\)/).fill('0,12');
    await page.getByRole('button', { name: 'Enregistrer la lecture' }).click();
    await page.getByText('Valeur hors norme : l’alarme a été transmise au personnel de garde.').waitFor();
  });
  await axe(page, 'manual entry after an alarm (phone, French)');

  await check('the alarm reaches the on-call person’s inbox', async () => {
    await page.goto('/account/inbox');
    await page
      .getByText(/Alarme UTE|ALARME Usine de traitement/)
      .first()
      .waitFor();
  });

  await check('the compliance page lists the alarm and the operator takes it', async () => {
    await page.goto(`${BASE}/water`);
    await expectHeading(page, /^Eau potable$/);
    await page
      .getByText(/Chlore résiduel libre : 0,12 mg\/L/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Prendre en charge' }).first().click();
    await page.getByLabel('Mesures prises').first().waitFor();
    await noHorizontalScroll(page);
  });
  await axe(page, 'drinking-water compliance (phone, French)');

  const desk = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  desk.setDefaultTimeout(STEP_TIMEOUT);
  const office = await desk.newPage();
  watch(office);
  await check('the stations hub shows the map and the table', async () => {
    await signIn(office, OPERATOR);
    await office.goto(BASE);
    await expectHeading(office, /^Opérations$/);
    await office.getByRole('link', { name: 'Boulevard Cartier' }).click();
    await expectHeading(office, /^CC-CARTIER — Boulevard Cartier$/);
    await office.getByRole('heading', { name: 'Circulation' }).waitFor();
  });
  await axe(office, 'traffic counter station (French)');

  await check('the reports page lists the monthly report and the transmission templates', async () => {
    await office.goto(`${BASE}/reports`);
    await expectHeading(office, /^Rapports et transmissions$/);
    await office.getByText('Rapport mensuel — eau potable et circulation').first().waitFor();
  });
  await axe(office, 'reports and transmissions (French)');

  await noBrowserProblems();
  await Promise.all([phone.close(), desk.close()]);
}

await runSuite('operations-water', run);
