#!/usr/bin/env node
// Browser test of permits (issue 7): a resident of Rivière-du-Loup applies for a pool permit (property from the
// roll, form, plan uploaded), pays the fee in the sandbox, urban-planning staff check the file and approve it,
// and anyone verifies the permit through the QR code's address (read from the permit's PDF). Staff then build a
// new permit type in the editor that a resident applies with (permit-type-editor.ts). The roll, a unit
// page, the citizen map and the registry are visited too. axe-core (WCAG 2.x A/AA) runs on every page, in
// French and in English. Prints one line per check and ends with "N passed, N failed".
import type { Browser } from 'playwright-core';
import { permitTypeEditor } from './permit-type-editor.ts';
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
const PLANNER = 'urbanisme.rdl@demo.civique.ca';
const TOWN = 'riviere-du-loup';
const PLAN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n',
);

async function run(browser: Browser, { base }: SuiteServer): Promise<void> {
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
  await permitTypeEditor(browser, base, staff, RESIDENT);

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
    await noHorizontalScroll(small);
  });

  await noBrowserProblems();
  await Promise.all([residentContext.close(), staffContext.close(), visitorContext.close(), narrow.close()]);
}

await runSuite('portal', run);
