#!/usr/bin/env node
// Browser test of participation (issue 6): a Joliette resident answers the open survey (once), a visitor
// subscribes to a newsletter (double opt-in), the alert banner shows on the town's pages, and the public
// results and alert pages open. axe-core (WCAG 2.x A/AA) runs on every page, in French and in English.
// Staff of Joliette draw an alert polygon with the mouse (shown on the alert page and in the banner), and
// create a consultation with a public meeting. Prints one line per check and ends with "N passed, N failed".
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
// Recreation staff of Joliette, also clerk and public works in the participation demo.
const STAFF = 'loisirs.joliette@demo.civique.ca';
const DRAWN = 'Fuite de gaz rue Saint-Paul (essai e2e)';
const CONSULTATION = 'Avenir de la bibliothèque (e2e)';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
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

  await staffChecks(browser, base, resident);

  await noBrowserProblems();
  await Promise.all([residentContext.close(), visitorContext.close(), narrow.close()]);
}

/** Staff draw an alert area and run a consultation; the resident's pages show the result. */
async function staffChecks(browser: Browser, base: string, resident: Page): Promise<void> {
  const staffContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  staffContext.setDefaultTimeout(STEP_TIMEOUT);
  const staff = await staffContext.newPage();
  watch(staff);

  await check('staff draw the alert polygon with the mouse and send the alert', async () => {
    await signIn(staff, STAFF);
    await staff.goto(`/staff/${TOWN}/modules/public_works`);
    await expectHeading(staff, /^Alertes d’urgence$/);
    await staff.getByLabel('Zone', { exact: true }).selectOption('polygon');
    const canvas = staff.getByRole('region', { name: 'Tracer la zone de l’alerte sur la carte' });
    // The demo sectors are drawn for reference first (the view fits them), then drawing starts.
    await staff.locator('path.civ-draw__context').first().waitFor();
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    assert(box, 'the drawing map has a size');
    for (const [x, y] of [
      [0.3, 0.3],
      [0.7, 0.3],
      [0.7, 0.7],
      [0.3, 0.7],
    ] as const) {
      await staff.mouse.click(box.x + box.width * x, box.y + box.height * y);
    }
    await staff.getByText('4 sommets (polygone ouvert)').waitFor();
    await staff.getByRole('button', { name: 'Fermer le polygone' }).click();
    await staff.getByText('Polygone fermé de 4 sommets').waitFor();
    const typed = await staff.getByLabel('Sommets du polygone').inputValue();
    assert(typed.trim().split('\n').length === 4, `four typed corners, got ${typed}`);
    await staff.getByLabel('Titre (français)', { exact: true }).fill(DRAWN);
    await staff.getByLabel('Titre (anglais)', { exact: true }).fill('Gas leak on Saint-Paul St (e2e test)');
    await staff.getByLabel('Description (français)').fill('Une conduite de gaz fuit.');
    await staff.getByLabel('Description (anglais)').fill('A gas main is leaking.');
    await staff.getByLabel('Consignes (français)').fill('Restez à l’intérieur, fenêtres fermées.');
    await staff.getByLabel('Consignes (anglais)').fill('Stay indoors with windows closed.');
    await staff.getByLabel('Secteur visé (français)').fill('Rue Saint-Paul (e2e)');
    await staff.getByLabel('Secteur visé (anglais)').fill('Saint-Paul St (e2e)');
    await staff.getByRole('button', { name: 'Émettre l’alerte' }).click();
    await staff.getByText('Alerte émise.').waitFor();
  });
  await axe(staff, 'staff alerts with a drawn polygon (French)');

  await check('the drawn area shows on the alert page, and the alert in the banner', async () => {
    await resident.goto(`/${TOWN}/alertes`);
    await resident.getByText(DRAWN).first().waitFor();
    await resident.getByRole('region', { name: 'Zone de l’alerte : Rue Saint-Paul (e2e)' }).waitFor();
    await resident.getByRole('region', { name: 'Alerte en vigueur' }).getByText(DRAWN).first().waitFor();
  });
  await axe(resident, 'alert with a drawn area (French)');

  await check('staff choose sectors instead, with checkboxes', async () => {
    await staff.getByLabel('Zone', { exact: true }).selectOption('sectors');
    await staff.getByRole('checkbox', { name: 'Centre-ville' }).check();
    await staff.getByRole('region', { name: 'Zone de l’alerte' }).waitFor();
  });

  await check('staff create a consultation with a public meeting, then publish it', async () => {
    await staff.goto(`/staff/${TOWN}/modules/clerk`);
    await staff.getByRole('button', { name: 'Nouvelle consultation' }).click();
    await staff.getByLabel('Titre (français)', { exact: true }).fill(CONSULTATION);
    await staff.getByLabel('Titre (anglais)', { exact: true }).fill('Future of the library (e2e)');
    await staff.getByLabel('Contexte (français)').fill('La bibliothèque sera agrandie.');
    await staff.getByLabel('Contexte (anglais)').fill('The library will be enlarged.');
    await staff.getByRole('button', { name: 'Ajouter un document' }).click();
    await staff.getByLabel('Titre du document 1 (français)').fill('Plan préliminaire');
    await staff.getByLabel('Titre du document 1 (anglais)').fill('Preliminary plan');
    await staff.getByLabel('Adresse web du document 1').fill('https://example.org/plan.pdf');
    await staff.getByRole('button', { name: 'Ajouter une étape' }).click();
    await staff.getByLabel('Étape 1 (français)').fill('Ateliers');
    await staff.getByLabel('Étape 1 (anglais)').fill('Workshops');
    await staff.getByLabel('Début de l’étape 1').fill(day(1));
    await staff.getByLabel('Fin de l’étape 1').fill(day(30));
    await staff.getByRole('button', { name: 'Enregistrer la consultation' }).click();
    await staff.getByText('Consultation enregistrée.').waitFor();
    await staff.getByLabel('Titre de la rencontre (français)').fill('Soirée d’information');
    await staff.getByLabel('Titre de la rencontre (anglais)').fill('Information evening');
    await staff.getByLabel('Lieu', { exact: true }).fill('Salle du conseil');
    await staff.getByLabel('Date et heure').fill(`${day(14)}T19:00`);
    await staff.getByLabel('Nombre de places').fill('80');
    await staff.getByRole('button', { name: 'Ajouter une rencontre publique' }).click();
    await staff.getByText(/^Rencontre ajoutée/).waitFor();
    await staff.getByText('80 places libres sur 80').waitFor();
    await staff.getByRole('button', { name: `Publier ${CONSULTATION}` }).click();
    await staff.getByText('Consultation publiée.').waitFor();
  });
  await axe(staff, 'staff consultations (French)');

  await check('the published consultation shows its meeting to residents', async () => {
    await resident.goto(`/${TOWN}/consultations`);
    await resident.getByRole('link', { name: CONSULTATION }).click();
    await expectHeading(resident, new RegExp(`^${CONSULTATION.replace(/[()]/g, '\\$&')}$`));
    await resident.getByText('Soirée d’information').first().waitFor();
  });

  await check('the staff pages in English', async () => {
    await staff.getByRole('button', { name: 'English' }).click();
    await staff.getByRole('heading', { name: 'Public consultations', level: 2 }).waitFor();
    await axe(staff, 'staff consultations (English)');
    await staff.goto(`/staff/${TOWN}/modules/public_works`);
    await expectHeading(staff, /^Emergency alerts$/);
    await staff.getByLabel('Area', { exact: true }).selectOption('polygon');
    await staff.getByRole('region', { name: 'Draw the alert area on the map' }).waitFor();
  });
  await axe(staff, 'staff alerts with the drawing map (English)');

  const narrow = await browser.newContext({
    baseURL: base,
    locale: 'fr-CA',
    viewport: { width: 320, height: 640 },
  });
  narrow.setDefaultTimeout(STEP_TIMEOUT);
  const small = await narrow.newPage();
  watch(small);
  await check('320 px: the alert form with its drawing map, and the consultation desk, fit', async () => {
    await signIn(small, STAFF);
    await small.goto(`/staff/${TOWN}/modules/public_works`);
    // The account now prefers English (chosen above): either language will do here.
    await small.getByLabel(/^(Zone|Area)$/).selectOption('polygon');
    await small.getByRole('button', { name: /^(Fermer le polygone|Close the polygon)$/ }).waitFor();
    await noHorizontalScroll(small);
    await small.goto(`/staff/${TOWN}/modules/clerk`);
    await small.getByRole('button', { name: /^(Nouvelle consultation|New consultation)$/ }).click();
    await noHorizontalScroll(small);
  });
  await Promise.all([staffContext.close(), narrow.close()]);
}

await runSuite('participation', run);
