#!/usr/bin/env node
// Browser test of participation (issue 6): a Joliette resident answers the open survey (once), a visitor
// subscribes to a newsletter (double opt-in), the alert banner shows on the town's pages, and the public
// results and alert pages open. axe-core (WCAG 2.x A/AA) runs on every page, in French and in English.
// Prints one line per check and ends with "N passed, N failed".
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
const TOWN = 'joliette';

async function run(browser: Browser, { base }: SuiteServer): Promise<void> {
  const residentContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  residentContext.setDefaultTimeout(STEP_TIMEOUT);
  const resident = await residentContext.newPage();
  watch(resident);

  await check('the resident sees the alert banner and the surveys of Joliette', async () => {
    await signIn(resident, RESIDENT);
    await resident.goto(`/${TOWN}/sondages`);
    await expectHeading(resident, /^Sondages$/);
    await resident.getByRole('region', { name: 'Alerte en vigueur' }).first().waitFor();
  });
  await axe(resident, 'surveys (French)');

  await check('the resident answers the anonymous survey, once', async () => {
    await resident.getByRole('link', { name: 'Aménagement du parc riverain' }).click();
    await expectHeading(resident, /^Aménagement du parc riverain$/);
    await resident.getByText(/Ce sondage est anonyme/).waitFor();
    await resident.getByRole('radio', { name: 'Rarement' }).check();
    await resident.getByLabel(/Qu’est-ce qui vous en empêche/).fill('Trop peu d’ombre.');
    await resident.getByRole('checkbox', { name: 'Arbres et ombre' }).check();
    await resident.getByRole('radio', { name: /^4$/ }).check();
    await resident.getByRole('button', { name: 'Descendre « Sécurité »' }).click();
    await resident.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await resident.getByText('Merci ! Vos réponses ont été enregistrées.').waitFor();
    await resident.reload();
    await resident.getByText('Vous avez déjà répondu à ce sondage. Merci !').waitFor();
  });
  await axe(resident, 'survey answered (French)');

  await check('the published results show charts with their tables', async () => {
    await resident.goto(`/${TOWN}/sondages`);
    await resident.getByRole('link', { name: 'Voir les résultats' }).first().click();
    await expectHeading(resident, /^Résultats : Collecte des matières résiduelles$/);
    await resident.getByText(/48 participations/).waitFor();
  });
  await axe(resident, 'survey results (French)');

  await check('the alert page lists the alerts in effect with their CAP documents', async () => {
    await resident.goto(`/${TOWN}/alertes`);
    await expectHeading(resident, /^Alertes$/);
    await resident.getByRole('link', { name: 'Document CAP (XML)' }).first().waitFor();
  });
  await axe(resident, 'alerts (French)');

  const visitorContext = await browser.newContext({ baseURL: base, locale: 'en-CA' });
  visitorContext.setDefaultTimeout(STEP_TIMEOUT);
  const visitor = await visitorContext.newPage();
  watch(visitor);
  await check('a visitor subscribes to a newsletter in English (double opt-in)', async () => {
    await visitor.goto(`/${TOWN}/infolettres`);
    await expectHeading(visitor, /^(Newsletters|Infolettres)$/);
    if ((await visitor.locator('html').getAttribute('lang')) !== 'en') {
      await visitor.getByRole('button', { name: 'English' }).click();
      await expectHeading(visitor, /^Newsletters$/);
    }
    await visitor.getByRole('checkbox', { name: /Roadworks and traffic/ }).check();
    await visitor.getByLabel('E-mail address').fill('visitor.e2e@example.test');
    await visitor.getByRole('checkbox', { name: /I agree to receive/ }).check();
    await visitor.getByRole('button', { name: 'Subscribe' }).click();
    await visitor.getByText(/Check your e-mail/).waitFor();
    await visitor.getByRole('region', { name: 'Alert in effect' }).first().waitFor();
  });
  await axe(visitor, 'newsletters (English)');

  await check('the English alert and consultation pages open', async () => {
    await visitor.goto(`/${TOWN}/alertes`);
    await expectHeading(visitor, /^Alerts$/);
    await axe(visitor, 'alerts (English)');
    await visitor.goto(`/${TOWN}/consultations`);
    await expectHeading(visitor, /^Public consultations$/);
    await visitor.getByRole('link', { name: 'Riverside park redesign' }).click();
    await expectHeading(visitor, /^Riverside park redesign$/);
  });
  await axe(visitor, 'consultation (English)');

  const narrow = await browser.newContext({
    baseURL: base,
    locale: 'fr-CA',
    viewport: { width: 320, height: 640 },
  });
  const small = await narrow.newPage();
  watch(small);
  await check('320 px: the survey page has no horizontal scroll', async () => {
    await small.goto(`/${TOWN}/sondages`);
    await expectHeading(small, /^Sondages$/);
    await noHorizontalScroll(small);
  });

  await noBrowserProblems();
  await Promise.all([residentContext.close(), visitorContext.close(), narrow.close()]);
}

await runSuite('participation', run);
