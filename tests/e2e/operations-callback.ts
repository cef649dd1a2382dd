#!/usr/bin/env node
// Browser test of the call-back list (issue 9): in Rivière-du-Loup, the supervisor sets the rules of a job
// class (a one-minute response window), puts two people on the list with their availabilities, and posts a
// need. The first person lets the window expire (the server's delayed job moves the round on); the second
// accepts on a phone-sized screen (320 px) from their own space. The supervisor sees the need filled and the
// grievance log with its verified hash chain. axe-core (WCAG 2.x A/AA) runs on every page.
import type { Page } from 'playwright-core';
import {
  axe,
  check,
  expectHeading,
  noBrowserProblems,
  noHorizontalScroll,
  runSuite,
  STEP_TIMEOUT,
  signIn,
  watch,
} from './support.ts';

const SUPERVISOR = 'urbanisme.rdl@demo.civique.ca';
const FIRST = 'candidate@demo.civique.ca';
const SECOND = 'resident@demo.civique.ca';
const UNION = 'employeur@demo.civique.ca';
const TOWN = 'riviere-du-loup';
const CLASS = 'Surveillant de parc';
const ROOT = `/staff/${TOWN}/modules/operations/callback`;

/** A Quebec local date-time input value `days` from now at `hour`. */
function localInput(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', dateStyle: 'short' }).format(
    date,
  );
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

async function addPerson(
  page: Page,
  number: string,
  given: string,
  family: string,
  account: string,
  hours: string,
) {
  await page.goto(`${ROOT}/employees`);
  await expectHeading(page, /^Personnes sur la liste$/);
  const form = page.getByRole('region', { name: 'Ajouter une personne' });
  await form.getByLabel('Matricule').fill(number);
  await form.getByLabel('Prénom').fill(given);
  await form.getByLabel('Nom', { exact: true }).fill(family);
  await form.getByLabel('Classes d’emploi').fill(CLASS);
  await form.getByLabel('Ancienneté (heures)').fill(hours);
  await form.getByRole('textbox', { name: /^Courriel \(facultatif\)$/ }).fill(account);
  await form.getByRole('textbox', { name: /^Courriel du compte Civique lié/ }).fill(account);
  await form.getByRole('checkbox', { name: 'Dans Civique' }).check();
  await form.getByRole('button', { name: 'Ajouter une personne' }).click();
  await expectHeading(page, new RegExp(`^${given} ${family}$`));
  // Available on every shift from today.
  const grid = page.getByRole('region', { name: 'Disponibilités', exact: true });
  for (const box of await grid.getByRole('checkbox').all()) await box.check();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', dateStyle: 'short' }).format(
    new Date(),
  );
  await grid.getByLabel(/^En vigueur à partir du/).fill(today);
  await grid.getByRole('button', { name: 'Enregistrer les disponibilités' }).click();
  await grid.getByText(/21 \/ 21/).waitFor();
}

await runSuite('callback', async (browser, { base }) => {
  const staffContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  staffContext.setDefaultTimeout(STEP_TIMEOUT);
  const staff = await staffContext.newPage();
  watch(staff);

  await check('the supervisor opens the needs board with the demo rounds', async () => {
    await signIn(staff, SUPERVISOR);
    await staff.goto(ROOT);
    await expectHeading(staff, /^Liste de rappel$/);
    await staff.getByRole('heading', { name: 'Besoins ouverts' }).waitFor();
    await staff
      .getByRole('link', { name: /^RDL-RAP-\d{4}-\d{6}$/ })
      .first()
      .waitFor();
  });
  await axe(staff, 'needs board');

  await check('the supervisor sets a one-minute window for a new job class', async () => {
    await staff.goto(`${ROOT}/rules`);
    await expectHeading(staff, /^Règles de la convention$/);
    await axe(staff, 'rules page');
    const form = staff.getByRole('region', { name: /\+$/ });
    await form.getByLabel('Classe d’emploi (vide : par défaut)').fill(CLASS);
    await form.getByLabel(/^Délais de réponse/).fill('');
    await form.getByLabel('Délai au-delà (minutes)').fill('1');
    await form.getByRole('button', { name: 'Enregistrer les règles' }).click();
    await staff.getByRole('heading', { name: CLASS, exact: true }).waitFor();
  });

  await check('the supervisor puts two people on the list with their availabilities', async () => {
    await addPerson(staff, 'E2E-001', 'Amina', 'Diallo', FIRST, '900');
    await addPerson(staff, 'E2E-002', 'Camille', 'Tremblay', SECOND, '800');
  });
  await axe(staff, 'a person’s file');

  let needPath = '';
  await check('the supervisor posts a need; the most senior person is offered it', async () => {
    await staff.goto(ROOT);
    const form = staff.getByRole('region', { name: 'Afficher un besoin' });
    await form.getByLabel('Classe d’emploi').fill(CLASS);
    await form.getByLabel('Début').fill(localInput(3, 9));
    await form.getByLabel('Fin').fill(localInput(3, 13));
    await form.getByLabel('Lieu').fill('Parc de la Pointe');
    await form.getByRole('button', { name: 'Afficher un besoin' }).click();
    await expectHeading(staff, /^Liste de rappel — RDL-RAP-\d{4}-\d{6}$/);
    needPath = new URL(staff.url()).pathname;
    const round = staff.getByRole('region', { name: 'Ronde d’appels', exact: true }).first();
    await round
      .getByRole('row', { name: /Amina Diallo/ })
      .getByText('En attente')
      .waitFor();
  });
  await axe(staff, 'need with its round');

  await check('the first person lets the window expire: the round moves to the second', async () => {
    const round = staff.getByRole('region', { name: 'Ronde d’appels', exact: true }).first();
    // One minute of window, then the delayed job (the page refreshes itself every 5 seconds).
    await round
      .getByRole('row', { name: /Amina Diallo/ })
      .getByText('Délai écoulé')
      .waitFor({ timeout: 150_000 });
    await round
      .getByRole('row', { name: /Camille Tremblay/ })
      .getByText('En attente')
      .waitFor();
  });

  const phoneContext = await browser.newContext({
    baseURL: base,
    locale: 'fr-CA',
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
  });
  phoneContext.setDefaultTimeout(STEP_TIMEOUT);
  const phone = await phoneContext.newPage();
  watch(phone);
  await check('the second person sees the offer on a 320 px phone', async () => {
    await signIn(phone, SECOND);
    await phone.goto(`/${TOWN}/callback`);
    await expectHeading(phone, /^Mes offres de remplacement$/);
    await phone.getByRole('heading', { name: `${CLASS} — Parc de la Pointe` }).waitFor();
    await noHorizontalScroll(phone);
  });
  await axe(phone, 'employee space with an offer (320 px)');

  await check('the second person accepts with one tap', async () => {
    await phone.getByRole('button', { name: 'Accepter' }).tap();
    await phone.getByText('Vous avez accepté ce quart. Merci !').waitFor();
    await phone.getByRole('heading', { name: 'Mes quarts à venir' }).waitFor();
  });
  await axe(phone, 'employee space after accepting (320 px)');

  await check('the supervisor sees the need filled and a whole grievance log', async () => {
    await staff.goto(needPath);
    await staff.getByText('Comblé par').waitFor();
    await staff.getByText(/^Chaîne d’empreintes vérifiée/).waitFor();
    const log = staff.getByRole('region', { name: 'Journal (pour grief)', exact: true }).first();
    await log.getByRole('row', { name: /Délai écoulé.*Amina Diallo/ }).waitFor();
    await log.getByRole('row', { name: /Acceptée.*Camille Tremblay/ }).waitFor();
  });
  await axe(staff, 'filled need with its log');

  await check('the reports draw hours per person', async () => {
    await staff.goto(`${ROOT}/reports`);
    await expectHeading(staff, /^Rapports$/);
    await staff.getByRole('img', { name: 'Heures par personne' }).waitFor();
  });
  await axe(staff, 'reports');

  await check('the supervisor designates a union representative', async () => {
    await staff.goto(`${ROOT}/rules`);
    const reps = staff.getByRole('region', { name: 'Représentants syndicaux' });
    await reps.getByLabel('Courriel du compte').fill(UNION);
    await reps.getByLabel('Syndicat').fill('SCFP section locale 2512');
    await reps.getByRole('button', { name: 'Désigner' }).click();
    await reps.getByText(/SCFP section locale 2512/).waitFor();
  });

  const unionContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  unionContext.setDefaultTimeout(STEP_TIMEOUT);
  const union = await unionContext.newPage();
  watch(union);
  await check('the union representative reads the round and its log, without the staff forms', async () => {
    await signIn(union, UNION);
    await union.goto(`/${TOWN}/callback`);
    await union.getByRole('link', { name: /représentant syndical/ }).click();
    await expectHeading(union, /^Liste de rappel — Représentants syndicaux$/);
    await axe(union, 'union representative: rounds');
    await union.goto(`/${TOWN}/callback/union/needs/${needPath.split('/').at(-1)}`);
    await union.getByText(/^Chaîne d’empreintes vérifiée/).waitFor();
    const forms = await union.getByRole('button', { name: 'Consigner l’appel' }).count();
    if (forms !== 0) throw new Error('the union representative sees the phone-call form');
  });
  await axe(union, 'union representative: one round');

  await noBrowserProblems();
  await Promise.all([staffContext.close(), phoneContext.close(), unionContext.close()]);
});
