#!/usr/bin/env node
// Browser test of requests to the city: a resident reports a pothole with a photo and a map pin (after a
// refused attempt that keeps what was typed), a neighbour in English finds it nearby and follows it, staff
// post a public update and change its status, and the neighbour sees them. axe-core (WCAG 2.x A/AA) runs on
// every page, in French and in English. Prints one line per check and ends with "N passed, N failed".
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
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
  totpSecretOf,
  watch,
} from './support.ts';

const RESIDENT = 'resident@demo.civique.ca';
const NEIGHBOUR = 'loisirs.joliette@demo.civique.ca';
const ADMIN = 'admin.joliette@demo.civique.ca';

/** Places the pin at the centre of the map once the map has moved to the town's requests. */
async function pinAtCentre(page: Page, mapName: RegExp): Promise<string> {
  const map = page.getByRole('region', { name: mapName });
  await map.waitFor();
  const box = await map.boundingBox();
  assert(box, 'the map has no size');
  await map.click({ position: { x: Math.round(box.width / 2), y: Math.round(box.height / 2) } });
  const picked = page.locator('.req-picked');
  await picked.filter({ hasText: /46\.0\d+, -73\.4\d+/ }).waitFor();
  return (await picked.textContent()) ?? '';
}

async function run(browser: Browser, { base, output }: SuiteServer): Promise<void> {
  const adminSecret = totpSecretOf(output(), ADMIN);
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b5b4b' } })
    .withExifMerge({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '46/1 1/1 21/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '73/1 26/1 30/1',
      },
    })
    .jpeg()
    .toBuffer();

  // The resident (French) reports a pothole.
  const residentContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  residentContext.setDefaultTimeout(STEP_TIMEOUT);
  const resident = await residentContext.newPage();
  watch(resident);
  let requestUrl = '';
  let reference = '';

  await check('the requests page of Joliette shows the public map with the demo requests', async () => {
    await resident.goto('/joliette/requests');
    await expectHeading(resident, /^Requêtes à la ville — Joliette$/);
    await resident
      .getByText(/\d+ éléments/)
      .first()
      .waitFor();
    await resident.getByRole('button', { name: 'Liste', exact: true }).click();
    await resident.getByRole('table', { name: 'Requêtes signalées à la ville' }).waitFor();
    const text = (await resident.getByRole('table').textContent()) ?? '';
    assert(!text.includes('@'), 'the public list shows an e-mail address');
    assert(text.includes('Approximatif'), 'no sensitive request is shown as approximate');
  });
  await axe(resident, 'requests home (public map, list view)');

  await check('the resident signs in and opens the report form', async () => {
    await signIn(resident, RESIDENT);
    const mapLoaded = resident.waitForResponse((r) => r.url().includes('/requests/map'));
    await resident.goto('/joliette/requests/new');
    await expectHeading(resident, /^Signaler un problème — Joliette$/);
    await mapLoaded;
  });
  await axe(resident, 'report form (empty)');

  await check('a report without category or place is refused and keeps what was typed', async () => {
    await resident
      .getByLabel('Description')
      .fill('Trou profond devant le dépanneur, les autos font un écart.');
    await resident.getByRole('button', { name: 'Envoyer la requête' }).click();
    await resident.locator('.error-summary').waitFor();
    const kept = await resident.getByLabel('Description').inputValue();
    assert(kept.startsWith('Trou profond'), 'the description was lost');
  });
  await axe(resident, 'report form (with errors)');

  await check('the resident reports a pothole with a photo and a map pin', async () => {
    await resident.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Nid-de-poule' });
    await resident.getByLabel('Taille approximative').selectOption({ label: 'Plus de 60 cm' });
    await pinAtCentre(resident, /^Carte pour placer le repère$/);
    await resident
      .locator('input[type="file"]')
      .setInputFiles({ name: 'nid.jpg', mimeType: 'image/jpeg', buffer: photo });
    await resident.getByRole('list', { name: 'Photos jointes' }).getByText('nid.jpg').waitFor();
    await resident.getByRole('button', { name: 'Envoyer la requête' }).click();
    await expectHeading(resident, /^Requête JOL-\d{4}-\d{6}$/);
    reference = ((await resident.locator('main h1').textContent()) ?? '').replace('Requête ', '').trim();
    requestUrl = new URL(resident.url()).pathname;
    await resident.getByText(`Requête ${reference} transmise`).waitFor();
    await resident.getByRole('img', { name: /Photo 1 jointe à la requête/ }).waitFor();
  });
  await axe(resident, 'request page (reporter, French)');

  await check('the request is listed in “Mes requêtes”', async () => {
    await resident.goto('/joliette/requests/mine');
    await expectHeading(resident, /^Mes requêtes$/);
    await resident.getByRole('link', { name: reference }).waitFor();
  });
  await axe(resident, 'my requests');

  // A neighbour, in English, finds it nearby and follows it.
  const neighbourContext = await browser.newContext({ baseURL: base, locale: 'en-CA' });
  neighbourContext.setDefaultTimeout(STEP_TIMEOUT);
  const neighbour = await neighbourContext.newPage();
  watch(neighbour);
  await check('a neighbour in English sees the open pothole nearby and follows it', async () => {
    await signIn(neighbour, NEIGHBOUR);
    // Their profile says French: they switch to English (saved to their profile, so notices come in English).
    await neighbour.getByRole('button', { name: 'English' }).click();
    await expectHeading(neighbour, /^Profile$/);
    const mapLoaded = neighbour.waitForResponse((r) => r.url().includes('/requests/map'));
    await neighbour.goto('/joliette/requests/new');
    await expectHeading(neighbour, /^Report a problem — Joliette$/);
    await mapLoaded;
    await neighbour.getByLabel('Category', { exact: true }).selectOption({ label: 'Pothole' });
    await pinAtCentre(neighbour, /^Map to place the pin$/);
    const follow = neighbour.getByRole('button', { name: `Follow this request ${reference}` });
    await follow.waitFor();
    await axe(neighbour, 'report form with nearby requests (English)');
    await follow.click();
    await expectHeading(neighbour, new RegExp(`^Request ${reference}$`));
    await neighbour.getByText('You follow this request').waitFor();
  });
  await axe(neighbour, 'request page (follower, English)');

  // Staff post a public update and change the status.
  const staffContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  staffContext.setDefaultTimeout(STEP_TIMEOUT);
  const staff = await staffContext.newPage();
  watch(staff);
  await check('staff find the request in the queue', async () => {
    assert(adminSecret, 'no TOTP secret for the Joliette administrator in the server output');
    await signIn(staff, ADMIN, adminSecret);
    await staff.goto(`/staff/joliette/modules/requests?q=${reference}`);
    await expectHeading(staff, /^Requêtes citoyennes$/);
    await staff.getByRole('link', { name: reference }).click();
    await expectHeading(staff, new RegExp(`^Requête ${reference}$`));
  });
  await axe(staff, 'staff request page');

  await check('staff post a public update and set the request in progress', async () => {
    await staff.getByLabel('Mise à jour publique (envoyée aux personnes qui suivent)').check();
    await staff.getByLabel('Texte', { exact: true }).fill('Une équipe passera demain matin.');
    await staff.getByRole('button', { name: 'Publier la mise à jour' }).click();
    await staff.locator('.req-history').getByText('Une équipe passera demain matin.').waitFor();
    const statusForm = staff.locator('form', {
      has: staff.getByRole('heading', { name: 'Changer le statut' }),
    });
    await statusForm.getByLabel('Nouveau statut').selectOption({ label: 'En cours' });
    await statusForm.getByLabel(/Message aux personnes qui suivent/).fill('Travaux commencés.');
    await statusForm.getByRole('button', { name: 'Enregistrer' }).click();
    await staff.locator('.req-history').getByText('Travaux commencés.').waitFor();
  });

  await check('the queue, its map, the statistics and the set-up open', async () => {
    await staff.goto('/staff/joliette/modules/requests');
    await staff.getByRole('table').waitFor();
    await axe(staff, 'staff queue (list)');
    await staff.getByRole('button', { name: 'Carte', exact: true }).first().click();
    await staff.getByRole('region', { name: 'Requêtes de la file' }).waitFor();
    await axe(staff, 'staff queue (map)');
    await staff.getByRole('link', { name: 'Statistiques' }).click();
    await expectHeading(staff, /^Statistiques des requêtes$/);
    await staff.getByRole('img', { name: 'Requêtes reçues par semaine' }).waitFor();
    await axe(staff, 'staff statistics');
    await staff.getByRole('link', { name: 'Configuration' }).click();
    await expectHeading(staff, /^Configuration des requêtes$/);
    await staff.getByRole('heading', { name: 'Clés d’API Open311' }).waitFor();
    await axe(staff, 'staff set-up');
  });

  await check('the neighbour sees the staff update and the new status', async () => {
    await neighbour.goto(requestUrl);
    await expectHeading(neighbour, new RegExp(`^Request ${reference}$`));
    await neighbour.locator('.req-history').getByText('Une équipe passera demain matin.').waitFor();
    await neighbour.locator('.req-status', { hasText: 'In progress' }).first().waitFor();
  });
  await axe(neighbour, 'request page after the update (English)');

  const narrow = await browser.newContext({
    baseURL: base,
    locale: 'fr-CA',
    viewport: { width: 320, height: 640 },
  });
  const small = await narrow.newPage();
  watch(small);
  await check('320 px: the report form has no horizontal scroll', async () => {
    await small.goto('/joliette/requests/new');
    await expectHeading(small, /^Signaler un problème/);
    await noHorizontalScroll(small);
  });
  await axe(small, 'report form at 320 px (guest)');

  await noBrowserProblems();
  await Promise.all([
    residentContext.close(),
    neighbourContext.close(),
    staffContext.close(),
    narrow.close(),
  ]);
}

await runSuite('requests', run);
