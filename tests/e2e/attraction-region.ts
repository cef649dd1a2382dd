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
  for (const lang of ['fr', 'en'] as const) {
    const fr = lang === 'fr';
    await check(
      `${lang}: without JavaScript, the contact form keeps bad input, then sends the message`,
      async () => {
        await bare.goto(`/region/${MRC}/${lang}/personnes-ressources`);
        await bare.getByRole('link', { name: fr ? /Moussa Ndiaye$/ : /book Moussa Ndiaye$/ }).click();
        await bare.locator('main h1', { hasText: 'Moussa Ndiaye' }).waitFor({ timeout: STEP_TIMEOUT });
        await bare.getByLabel(fr ? 'Votre nom' : 'Your name').fill('Kofi Mensah');
        await bare.getByLabel(fr ? 'Votre courriel' : 'Your e-mail').fill('kofi-at-example');
        await bare
          .getByLabel(fr ? 'Votre message' : 'Your message')
          .fill('Bonjour, je voudrais des conseils sur la résidence permanente.');
        await bare.getByRole('button', { name: fr ? 'Envoyer le message' : 'Send the message' }).click();
        await bare.getByRole('alert').waitFor({ timeout: STEP_TIMEOUT });
        const typed = await bare.getByLabel(fr ? 'Votre message' : 'Your message').inputValue();
        assert(typed.includes('résidence permanente'), 'the message is kept after an error');
        assert(
          (await bare.getByLabel(fr ? 'Votre nom' : 'Your name').inputValue()) === 'Kofi Mensah',
          'the name is kept after an error',
        );
        await noHorizontalScroll(bare);
      },
    );
    await check(`${lang}: the corrected form is sent and confirmed, still without JavaScript`, async () => {
      await bare.getByLabel(fr ? 'Votre courriel' : 'Your e-mail').fill(`kofi.${lang}@example.test`);
      await bare.getByLabel(fr ? /^J’accepte/ : /^I agree/).check();
      await bare.getByRole('button', { name: fr ? 'Envoyer le message' : 'Send the message' }).click();
      await bare
        .getByText(
          fr ? /^Votre message a été transmis à Moussa Ndiaye/ : /^Your message was sent to Moussa Ndiaye/,
        )
        .waitFor({ timeout: STEP_TIMEOUT });
    });
  }

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
    // axe needs JavaScript, so the no-JS contact pages are checked here, in a context that runs it: the same
    // server-rendered HTML (the French one with its errors; one post only, the form is rate limited).
    const person = `/region/${MRC}/${lang}/personnes-ressources/conseiller-immigration`;
    await page.goto(person);
    if (fr) {
      await page.getByLabel('Votre nom').fill('Kofi Mensah');
      await page.getByRole('button', { name: 'Envoyer le message' }).click();
      await page.getByRole('alert').waitFor();
    }
    await axe(page, `contact form without JavaScript${fr ? ', with errors' : ''} (${lang}, 320 px)`);
    await page.goto(`${person}/envoye`);
    await axe(page, `contact form sent (${lang}, 320 px)`);

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

  // Staff at 320 px: a new place that then appears on the public map; slots that a visitor books.
  await staff.setViewportSize(PHONE);
  const placeName = 'Halte-garderie du Quai';
  await check(
    'staff add a place, its point typed then picked on the map, and the public map shows it',
    async () => {
      await staff.goto(`/staff/${MRC}/modules/attraction`);
      await staff.getByRole('link', { name: 'Lieux de la carte' }).click();
      await expectHeading(staff, /^Lieux de la carte$/);
      await staff.getByLabel('Nom (FR)').fill(placeName);
      await staff.getByLabel('Nom (EN)').fill('Quay drop-in daycare');
      await staff.getByLabel('Adresse (slug)').fill('halte-garderie-quai');
      await staff.getByLabel('Catégorie').selectOption('daycare');
      await staff.getByLabel('Latitude').fill('47.5650');
      await staff.getByLabel('Longitude').fill('-69.8680');
      await staff.getByRole('button', { name: 'Placer le point au centre de la carte' }).click();
      await staff.getByRole('button', { name: 'Ajouter le lieu' }).click();
      await staff.getByText(`« ${placeName} » est enregistré.`).waitFor();
      await noHorizontalScroll(staff);
      const map = (await (await fetch(`${base}/api/orgs/${MRC}/region/places?q=Quai`)).json()) as {
        items: Array<{ slug: string; category: string }>;
      };
      assert(
        map.items.some((p) => p.slug === 'halte-garderie-quai' && p.category === 'daycare'),
        'the new place is on the public map',
      );
    },
  );
  await axe(staff, 'staff map places (French, 320 px)');
  await check('staff open the municipal outlines screen', async () => {
    await staff.goto(`/staff/${MRC}/modules/attraction/site/outlines`);
    await expectHeading(staff, /^Contours des municipalités$/);
    await staff.getByLabel('Municipalité', { exact: true }).selectOption({ index: 1 });
    await staff.getByLabel('Géométrie GeoJSON').fill('{"type":"Point"}');
    await staff.getByText('Ce texte n’est pas un Polygon ou MultiPolygon GeoJSON lisible.').first().waitFor();
  });
  await axe(staff, 'staff municipal outlines (French, 320 px)');
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await check('staff open a series of slots for a resource person', async () => {
    await staff.goto(`/staff/${MRC}/modules/attraction/site/contacts`);
    await expectHeading(staff, /^Personnes-ressources \(gestion\)$/);
    await staff.getByRole('button', { name: 'Plages de Moussa Ndiaye' }).click();
    await staff.getByLabel('Du', { exact: true }).fill(day);
    await staff.getByLabel('Au', { exact: true }).fill(day);
    await staff.getByLabel('De (heure)').fill('13:00');
    await staff.getByLabel('À (heure)').fill('14:00');
    await staff.getByLabel('Durée d’une plage (minutes)').fill('30');
    await staff.getByLabel('En semaine seulement (lundi au vendredi)').uncheck();
    await staff.getByRole('button', { name: 'Ouvrir les plages' }).click();
    await staff.getByText('2 plages ouvertes.').waitFor();
    await noHorizontalScroll(staff);
  });
  await axe(staff, 'staff resource people and slots (French, 320 px)');
  await check('staff screens in English', async () => {
    await staff.getByRole('button', { name: 'English' }).click();
    await expectHeading(staff, /^Resource people \(management\)$/);
  });
  await axe(staff, 'staff resource people (English, 320 px)');

  const visitor = await browser.newContext({ baseURL: base, locale: 'fr-CA', viewport: PHONE });
  visitor.setDefaultTimeout(STEP_TIMEOUT);
  const guest = await visitor.newPage();
  watch(guest);
  await check('a visitor books one of the slots staff just opened', async () => {
    await guest.goto(`/${MRC}/region/contacts/conseiller-immigration`);
    await expectHeading(guest, /^Moussa Ndiaye$/);
    const when = new Intl.DateTimeFormat('fr-CA', { timeZone: 'America/Toronto', dateStyle: 'full' }).format(
      new Date(`${day}T18:00:00Z`),
    );
    const ours = guest.getByRole('radio', { name: new RegExp(`${when}.*13 h 30`) });
    await ours.first().check();
    await guest.getByLabel('Votre nom').first().fill('Lina Haddad');
    await guest.getByLabel('Votre courriel').first().fill('lina@example.test');
    await guest
      .getByLabel(/^J’accepte/)
      .first()
      .check();
    await guest.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await guest.getByText(/^Rendez-vous confirmé/).waitFor();
    await staff.reload();
    await staff.getByRole('button', { name: /^(Slots of|Plages de) Moussa Ndiaye$/ }).click();
    await staff.getByText(/Lina Haddad — lina@example.test/).waitFor();
  });

  await noBrowserProblems();
  await Promise.all([noJs.close(), staffContext.close(), visitor.close()]);
}

await runSuite('region', run);
