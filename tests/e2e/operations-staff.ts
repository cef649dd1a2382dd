#!/usr/bin/env node
// Browser test of the operations staff screens (issue 8): on a 320 px screen in French, the Rivière-du-Loup
// operator creates a well with a free-chlorine measure, sets its alarm threshold, puts a colleague on
// call; at desk width in English, writes a monthly report definition. axe-core (WCAG 2.x A/AA) runs on
// every page. Ends with "N passed, N failed".
import type { Browser } from 'playwright-core';
import {
  axe,
  check,
  expectHeading,
  noBrowserProblems,
  noHorizontalScroll,
  openPage,
  runSuite,
  type SuiteServer,
  signIn,
} from './support.ts';

const OPERATOR = 'urbanisme.rdl@demo.civique.ca';
const BASE = '/staff/riviere-du-loup/modules/operations';

async function run(browser: Browser, { base }: SuiteServer): Promise<void> {
  const page = await openPage(browser, base, { locale: 'fr-CA', viewport: { width: 320, height: 740 } });

  await check('the operator opens the new-station form on a 320 px screen', async () => {
    await signIn(page, OPERATOR);
    await page.goto(BASE);
    await page.getByRole('link', { name: 'Nouvelle station' }).click();
    await expectHeading(page, /^Nouvelle station$/);
    await noHorizontalScroll(page);
  });
  await axe(page, 'new station (320 px, French)');

  await check('a well with a free-chlorine measure is created, its location typed', async () => {
    await page.getByLabel('Code', { exact: true }).fill('PUITS-E2E');
    await page.getByLabel('Nom en français').fill('Puits du rang E2E');
    await page.getByLabel('Nom en anglais').fill('E2E range well');
    await page.getByLabel('Type de station', { exact: true }).selectOption({ label: 'Puits' });
    await page.getByLabel(/^Latitude/).fill('47,8301');
    await page.getByLabel(/^Longitude/).fill('-69,5402');
    await page.getByRole('button', { name: 'Ajouter une mesure' }).click();
    await page.getByLabel(/^Code de la mesure/).fill('free_chlorine');
    await page.getByLabel(/^Unité/).fill('mg/L');
    await page.getByLabel(/^Valeur valide minimale/).fill('0');
    await page.getByLabel(/^Valeur valide maximale/).fill('5');
    await page.getByRole('button', { name: 'Enregistrer la station' }).click();
    await expectHeading(page, /^Modifier la station — PUITS-E2E$/);
    await page.getByText('Station enregistrée.').waitFor();
    await page.getByRole('heading', { name: 'Chlore résiduel libre (mg/L)' }).waitFor();
    await noHorizontalScroll(page);
  });
  await axe(page, 'station editor with thresholds (320 px, French)');

  await check('the chlorine alarm threshold is set for that station', async () => {
    const form = page.getByRole('form', { name: 'Chlore résiduel libre (mg/L)' });
    await form.getByLabel('Type de seuil').selectOption('alarm');
    await form.getByLabel(/^Minimum/).fill('0,3');
    await form.getByLabel(/^Maximum/).fill('4');
    await form.getByLabel(/^Source/).fill('RQEP, art. 8');
    await form.getByRole('button', { name: 'Enregistrer le seuil' }).click();
    const outcome = form.getByText('Seuil enregistré.').or(form.getByRole('alert'));
    await outcome.first().waitFor();
    const said = await outcome.first().textContent();
    if (said !== 'Seuil enregistré.') throw new Error(`threshold not saved: ${said}`);
  });

  await check('a colleague is put on call at level 2', async () => {
    await page.goto(`${BASE}/water/on-call`);
    await expectHeading(page, /^Garde$/);
    await page.getByRole('button', { name: 'Ajouter une personne' }).click();
    const person = page.getByLabel('Personne', { exact: true }).last();
    const options = await person.locator('option').allTextContents();
    if (options.length < 2) throw new Error(`no one to put on call: ${options.join(' | ')}`);
    await person.selectOption({ index: options.length - 1 });
    await page.getByLabel('Niveau', { exact: true }).last().selectOption({ label: 'Niveau 2' });
    await page.getByRole('button', { name: 'Enregistrer la garde' }).click();
    await page.getByText('Garde enregistrée.').waitFor();
    const rows = page.getByRole('table', { name: 'Garde actuelle' }).getByRole('row');
    await rows
      .filter({ hasText: options[options.length - 1] ?? '' })
      .first()
      .waitFor();
    await noHorizontalScroll(page);
  });
  await axe(page, 'on-call roster (320 px, French)');

  const office = await openPage(browser, base, { locale: 'en-CA' });
  await check('in English, a monthly report definition is written with the new station', async () => {
    await signIn(office, OPERATOR);
    await office.goto(`${BASE}/reports`);
    // The operator's account is French: the language switch turns the interface to English.
    if ((await office.locator('html').getAttribute('lang')) !== 'en')
      await office.getByRole('button', { name: 'English' }).click();
    await office.getByRole('link', { name: 'New monthly report' }).click();
    await expectHeading(office, /^New monthly report$/);
    await axe(office, 'new report definition (English)');
    await office.getByLabel('Title in French').fill('Rapport du puits E2E');
    await office.getByLabel('Title in English').fill('E2E well report');
    await office.getByLabel('PUITS-E2E — E2E range well').check();
    await office.getByLabel('Free residual chlorine (mg/L)').check();
    await office.getByLabel('Compliance (drinking water)').check();
    await office.getByLabel(/^Introduction in English/).fill('Chlorine at the E2E well.');
    await office.getByLabel(/^Recipients/).fill('eau@example.ca');
    await office.getByRole('button', { name: 'Save the report' }).click();
    await expectHeading(office, /^Reports and transmissions$/);
    await office.getByRole('link', { name: 'E2E well report' }).waitFor();
  });
  await axe(office, 'reports with the new definition (English)');

  await check('the definition opens again with what was saved', async () => {
    await office.getByRole('link', { name: 'E2E well report' }).click();
    await expectHeading(office, /^Edit the report — E2E well report$/);
    if (!(await office.getByLabel('PUITS-E2E — E2E range well').isChecked()))
      throw new Error('station not kept');
    const recipients = await office.getByLabel(/^Recipients/).inputValue();
    if (recipients !== 'eau@example.ca') throw new Error(`recipients: ${recipients}`);
  });

  await check('the English on-call page and station editor pass at desk width', async () => {
    await office.goto(`${BASE}/water/on-call`);
    await expectHeading(office, /^On call$/);
    await axe(office, 'on-call roster (English)');
    await office.goto(`${BASE}/stations/new`);
    await expectHeading(office, /^New station$/);
    await axe(office, 'new station (English)');
  });

  await noBrowserProblems();
  await Promise.all([page.context().close(), office.context().close()]);
}

await runSuite('operations-staff', run);
