// Part of the permits browser suite (portal-permits.ts): urban-planning staff build a new permit type in the
// editor (a choice, a conditional yes/no question, an area that drives a per-m² fee with a minimum, a required
// document), a mistake is reported without losing what was typed, and a resident then sees the form the type
// describes: the conditional question appears only for the matching answer and the fee follows the area.
import type { Browser, Page } from 'playwright-core';
import { axe, check, expectHeading, STEP_TIMEOUT, signIn, watch } from './support.ts';

const TOWN = 'riviere-du-loup';

/** The numbered item of the editor ("Champ 2 : …", "Document 1 : …"), to reach its inputs by their labels. */
const item = (page: Page, legend: RegExp) => page.getByRole('group', { name: legend });

export async function permitTypeEditor(
  browser: Browser,
  base: string,
  staff: Page,
  residentEmail: string,
): Promise<void> {
  await check('staff open the permit types and start a new one', async () => {
    await staff.goto(`/staff/${TOWN}/modules/urban_planning/permit-types`);
    await expectHeading(staff, /^Types de permis et de déclarations$/);
    await staff.getByRole('table').getByRole('link', { name: 'Modifier le type Piscine' }).waitFor();
    await staff.getByRole('link', { name: 'Nouveau type de permis' }).click();
    await expectHeading(staff, /^Nouveau type de permis$/);
  });
  await axe(staff, 'permit type editor, new type');

  await check('staff describe a garden shed: choice, conditional question, area, document', async () => {
    await staff.getByLabel('Code', { exact: true }).first().fill('Remise Jardin');
    await staff.getByLabel('Nom en français').fill('Remise de jardin');
    await staff.getByLabel('Nom en anglais').fill('Garden shed');
    await staff.getByLabel('Délai légal (jours ouvrables)').fill('10');

    await staff.getByRole('button', { name: 'Ajouter un champ' }).click();
    const material = item(staff, /^Champ 1 :/);
    await material.getByLabel('Code', { exact: true }).fill('materiau');
    await material.getByLabel('Type de réponse').selectOption({ label: 'Liste de choix' });
    await material.getByLabel('Libellé en français').fill('Matériau');
    await material.getByLabel('Libellé en anglais').fill('Material');
    await material.getByLabel('Choix').fill('bois | Bois | Wood\nmetal | Métal | Metal');
    await material.getByLabel('Réponse obligatoire').check();

    await staff.getByRole('button', { name: 'Ajouter un champ' }).click();
    const treated = item(staff, /^Champ 2 :/);
    await treated.getByLabel('Code', { exact: true }).fill('bois_traite');
    await treated.getByLabel('Type de réponse').selectOption({ label: 'Oui ou non' });
    await treated.getByLabel('Libellé en français').fill('Bois traité sous pression');
    await treated.getByLabel('Libellé en anglais').fill('Pressure-treated wood');
    await treated.getByLabel('Condition').selectOption({ label: 'Matériau' });
    await treated.getByLabel('Quand la réponse est').selectOption({ label: 'Bois' });

    await staff.getByRole('button', { name: 'Ajouter un champ' }).click();
    const area = item(staff, /^Champ 3 :/);
    await area.getByLabel('Code', { exact: true }).fill('superficie');
    await area.getByLabel('Type de réponse').selectOption({ label: 'Superficie (m²)' });
    await area.getByLabel('Libellé en français').fill('Superficie de la remise');
    await area.getByLabel('Libellé en anglais').fill('Shed area');
    await area.getByLabel('Minimum').fill('1');
    await area.getByLabel('Maximum').fill('30');
    await area.getByLabel('Réponse obligatoire').check();

    await staff.getByLabel('Calcul du tarif').selectOption({ label: 'Par mètre carré' });
    await staff.getByLabel('Tarif par m² ($)').fill('2,50');
    await staff.getByLabel('Champ du formulaire utilisé').selectOption({ label: 'Superficie de la remise' });
    await staff.getByLabel('Tarif minimum ($)').fill('25');

    await staff.getByRole('button', { name: 'Ajouter un document' }).click();
    const plan = item(staff, /^Document 1 :/);
    await plan.getByLabel('Code', { exact: true }).fill('plan');
    await plan.getByLabel('Libellé en français').fill('Croquis de la remise');
    await plan.getByLabel('Libellé en anglais').fill('Sketch of the shed');
    await plan.getByLabel('Document obligatoire').check();
  });

  await check('a code with capitals and a space is refused, and nothing typed is lost', async () => {
    await staff.getByRole('button', { name: 'Créer le type' }).click();
    // The summary at the top links to the field, which keeps its own message.
    await staff
      .getByRole('alert')
      .getByRole('link', { name: /Le code ne peut contenir que des lettres minuscules/ })
      .waitFor();
    const code = await staff.getByLabel('Code', { exact: true }).first().inputValue();
    if (code !== 'Remise Jardin') throw new Error(`the code became "${code}"`);
    const kept = await item(staff, /^Champ 3 :/)
      .getByLabel('Libellé en français')
      .inputValue();
    if (kept !== 'Superficie de la remise') throw new Error(`the area label became "${kept}"`);
  });
  await axe(staff, 'permit type editor with an error');

  await check('with a valid code the type is created and listed with its fee', async () => {
    await staff.getByLabel('Code', { exact: true }).first().fill('remise-jardin');
    await staff.getByRole('button', { name: 'Créer le type' }).click();
    await staff.getByText('Le type « Remise de jardin » est enregistré.').waitFor();
    await staff.goto(`/staff/${TOWN}/modules/urban_planning/permit-types`);
    const row = staff.getByRole('row', { name: /Remise de jardin/ });
    await row.getByText('2,50 $ par m²').waitFor();
  });

  const context = await browser.newContext({ baseURL: base, locale: 'en-CA' });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const resident = await context.newPage();
  watch(resident);
  await check('a resident sees the new form: the question follows the choice, the fee the area', async () => {
    await signIn(resident, residentEmail);
    await resident.getByRole('button', { name: 'English' }).click();
    await resident.goto(`/${TOWN}/permits`);
    await resident.getByRole('heading', { name: 'Garden shed' }).waitFor();
    await resident.getByRole('link', { name: /Garden shed$/ }).click();
    await expectHeading(resident, /^Permit application: Garden shed$/);
    await resident.getByLabel('Find the property on the assessment roll').fill('rue lafontaine');
    await resident
      .getByRole('button', { name: /^Choose .*Lafontaine/ })
      .first()
      .click();
    await resident.getByLabel('Material').selectOption({ label: 'Metal' });
    if (await resident.getByLabel('Pressure-treated wood').isVisible())
      throw new Error('the wood question shows for a metal shed');
    await resident.getByLabel('Material').selectOption({ label: 'Wood' });
    await resident.getByLabel('Pressure-treated wood').waitFor();
    await resident.getByLabel('Shed area').fill('14');
    await resident.getByText('Computed fee: $35.00').waitFor();
    await resident.getByLabel('Shed area').fill('6');
    await resident.getByText('Computed fee: $25.00').waitFor();
  });
  await axe(resident, 'application form of the new type (English)');
  await context.close();
}
