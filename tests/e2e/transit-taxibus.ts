#!/usr/bin/env node
// Browser test of the TaxiBus (issue 10): a rider books a trip in Victoriaville and follows it, the
// dispatcher sees it on the live board and gives it to the driver's vehicle, the driver (English, on a
// phone-sized screen with a position) starts the shift and picks the rider up, and the rider's live page
// shows the vehicle and then "on board". axe-core (WCAG 2.x A/AA) runs on every page, in French and English.
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

const RESIDENT = 'resident@demo.civique.ca';
const DISPATCHER = 'repartition.victo@demo.civique.ca';
const DRIVER = 'chauffeur.victo@demo.civique.ca';
const TOWN = 'victoriaville';

async function run(browser: Browser, { base }: SuiteServer): Promise<void> {
  const riderContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  riderContext.setDefaultTimeout(STEP_TIMEOUT);
  const rider = await riderContext.newPage();
  watch(rider);
  let reference = '';

  await check('the rider opens the TaxiBus page of Victoriaville', async () => {
    await signIn(rider, RESIDENT);
    await rider.goto(`/${TOWN}/transit`);
    await expectHeading(rider, /^TaxiBus — transport à la demande$/);
  });
  await axe(rider, 'TaxiBus page (French)');

  await check('the rider books a trip as soon as possible and gets a pickup window', async () => {
    await rider.getByLabel('Point de départ').selectOption({ label: 'Résidence Le Florilège ♿' });
    await rider.getByLabel('Destination').selectOption({ label: 'Hôtel de ville ♿' });
    await rider.getByRole('button', { name: 'Réserver', exact: true }).click();
    const confirmed = rider.getByText(/^Déplacement .+ confirmé$/);
    await confirmed.waitFor();
    reference = ((await confirmed.textContent()) ?? '').replace('Déplacement ', '').replace(' confirmé', '');
    await rider.getByText(/^Prise en charge entre/).waitFor();
  });
  await axe(rider, 'booking confirmed (French)');

  await check('the rider opens the live page of the trip', async () => {
    await rider.getByRole('row').filter({ hasText: reference }).getByRole('link', { name: 'Suivre' }).click();
    await expectHeading(rider, /^Suivi de mon TaxiBus$/);
    await rider.getByText(reference).first().waitFor();
  });
  await axe(rider, 'live trip page (French)');

  const dispatchContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  dispatchContext.setDefaultTimeout(STEP_TIMEOUT);
  const dispatcher = await dispatchContext.newPage();
  watch(dispatcher);
  await check('the dispatcher sees the trip on the board and gives it to the driver’s vehicle', async () => {
    await signIn(dispatcher, DISPATCHER);
    await dispatcher.goto(`/staff/${TOWN}/modules/transit_dispatch`);
    await expectHeading(dispatcher, /^Répartition TaxiBus$/);
    const row = dispatcher
      .getByRole('row')
      .filter({ hasText: 'Camille Tremblay' })
      .filter({ hasText: 'Résidence Le Florilège' })
      .first();
    await row.waitFor();
    const select = row.getByRole('combobox');
    const options = await select.locator('option').allTextContents();
    const tb01 = options.find((o) => o.startsWith('TB-01'));
    if (tb01) {
      await select.selectOption({ label: tb01 });
      await row.getByRole('button', { name: 'Réaffecter' }).click();
      await dispatcher
        .getByRole('region')
        .filter({ has: dispatcher.getByRole('heading', { name: /^TB-01 — Luc Pelletier/ }) })
        .getByText('Résidence Le Florilège')
        .first()
        .waitFor()
        .catch(async () => {
          await dispatcher
            .getByRole('heading', { name: /^TB-01 — Luc Pelletier/ })
            .first()
            .waitFor();
        });
    }
  });
  await axe(dispatcher, 'dispatch board (French)');

  // The driver, in English, on a phone, at the rider's pickup point.
  const driverContext = await browser.newContext({
    baseURL: base,
    locale: 'en-CA',
    viewport: { width: 360, height: 740 },
    geolocation: { latitude: 46.0502, longitude: -71.9702 },
    permissions: ['geolocation'],
  });
  driverContext.setDefaultTimeout(STEP_TIMEOUT);
  const driver = await driverContext.newPage();
  watch(driver);
  await check('the driver opens the manifest and starts the shift', async () => {
    await signIn(driver, DRIVER);
    await driver.goto(`/staff/${TOWN}/modules/transit_driver`);
    await driver.getByRole('button', { name: 'English' }).click();
    await expectHeading(driver, /^My manifest$/);
    await driver.getByRole('button', { name: 'Start shift' }).click();
    await driver.getByText('Position sent every 5 seconds').waitFor();
    await noHorizontalScroll(driver);
  });
  await axe(driver, 'driver manifest (English, phone)');

  await check('the rider’s live page shows the vehicle', async () => {
    await rider.getByText(/^Position reçue à/).waitFor({ timeout: 30_000 });
    await rider.getByText(/^Arrivée à Résidence Le Florilège dans environ \d+ min$/).waitFor();
  });
  await axe(rider, 'live trip page with the vehicle (French)');

  await check('the driver picks the rider up and the rider’s page says on board', async () => {
    const card = driver
      .getByRole('listitem')
      .filter({ hasText: 'Camille Tremblay' })
      .filter({ hasText: 'Pick up' })
      .first();
    await card.getByRole('button', { name: 'On board' }).click();
    await driver
      .getByRole('listitem')
      .filter({ hasText: 'Camille Tremblay' })
      .filter({ hasText: 'Drop off' })
      .first()
      .waitFor();
    await rider.getByText(/· À bord$/).waitFor({ timeout: 30_000 });
  });

  const visitorContext = await browser.newContext({ baseURL: base, locale: 'en-CA' });
  const visitor = await visitorContext.newPage();
  watch(visitor);
  await check('a visitor sees the service points in English', async () => {
    await visitor.goto(`/${TOWN}/transit`);
    await visitor.getByRole('button', { name: 'English' }).click();
    await expectHeading(visitor, /^TaxiBus — on-demand transit$/);
    await visitor.getByText('Sign in to book a trip.').waitFor();
  });
  await axe(visitor, 'TaxiBus page (English)');

  await noBrowserProblems();
  await Promise.all([
    riderContext.close(),
    dispatchContext.close(),
    driverContext.close(),
    visitorContext.close(),
  ]);
}

await runSuite('transit', run);
