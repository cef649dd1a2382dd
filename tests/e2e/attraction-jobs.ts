#!/usr/bin/env node
// Browser test of the job portal (issue 13): in the MRC de Kamouraska, the demo candidate (English) finds a
// matched offer with its reasons and says she is interested; the demo employer (French) sees her named
// profile among the matched candidates, says yes too, and the mutual interest opens a thread where they
// exchange messages. MRC staff open the moderation queue and statistics; the public offer page is read
// without JavaScript. axe-core runs on every page, in French and English; 320 px has no horizontal scroll.
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

const CANDIDATE = 'candidate@demo.civique.ca';
const EMPLOYER = 'employeur@demo.civique.ca';
const STAFF = 'attractivite.kamouraska@demo.civique.ca';
const OFFER = 'Opérateur ou opératrice de production fromagère';

async function mrcId(page: Page): Promise<string> {
  const orgs = (await page.evaluate(async () => (await fetch('/api/orgs')).json())) as Array<{
    id: string;
    slug: string;
  }>;
  const mrc = orgs.find((o) => o.slug === 'mrc-kamouraska');
  assert(mrc, 'the MRC de Kamouraska exists');
  return mrc.id;
}

async function run(browser: Browser, { base }: SuiteServer): Promise<void> {
  const candidateContext = await browser.newContext({ baseURL: base, locale: 'en-CA' });
  candidateContext.setDefaultTimeout(STEP_TIMEOUT);
  const candidate = await candidateContext.newPage();
  watch(candidate);
  const employerContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  employerContext.setDefaultTimeout(STEP_TIMEOUT);
  const employer = await employerContext.newPage();
  watch(employer);
  let id = '';

  await check('the candidate sees a matched offer with its reasons and says she is interested', async () => {
    await signIn(candidate, CANDIDATE);
    id = await mrcId(candidate);
    await candidate.goto(`/arrimage/${id}/candidat`);
    await expectHeading(candidate, /^My candidate space$/);
    const card = candidate.locator('article', { has: candidate.getByRole('heading', { name: OFFER }) });
    await card.getByText(/Affinity: \d+ out of 100/).waitFor();
    await card.getByText(/French \(NCLC 9\) meets the required level/).waitFor();
    await card.getByRole('button', { name: 'I am interested' }).click();
    await card.getByText('You expressed interest. Waiting for the other side.').waitFor();
  });
  await axe(candidate, 'candidate space (English)');

  await check('the employer sees her named profile, says yes, and the interest is mutual', async () => {
    await signIn(employer, EMPLOYER);
    await employer.goto(`/arrimage/${id}/employeur`);
    await expectHeading(employer, /^Mon espace employeur$/);
    const row = employer.getByRole('row', { name: new RegExp(OFFER) });
    await row.getByRole('button', { name: 'Candidats arrimés' }).click();
    const card = employer.locator('article', {
      has: employer.getByRole('heading', { name: 'Amina Diallo' }),
    });
    await card.getByText('L’autre partie est intéressée.').waitFor();
    await card.getByRole('button', { name: 'Je suis intéressé·e' }).click();
    await card.getByText('Intérêt mutuel : vous pouvez vous écrire.').waitFor();
    await card.getByText('candidate@demo.civique.ca').waitFor();
  });
  await axe(employer, 'employer space with matched candidates (French)');

  await check('the employer writes in the thread and the candidate answers', async () => {
    const card = employer.locator('article', {
      has: employer.getByRole('heading', { name: 'Amina Diallo' }),
    });
    await card
      .getByLabel('Votre message')
      .fill('Bonjour Amina, seriez-vous disponible jeudi pour une visite ?');
    await card.getByRole('button', { name: 'Envoyer' }).click();
    await card.getByText('Bonjour Amina, seriez-vous disponible jeudi pour une visite ?').waitFor();
    await candidate.reload();
    const mine = candidate.locator('article', { has: candidate.getByRole('heading', { name: OFFER }) });
    await mine.getByText('Mutual interest: you can write to each other.').waitFor();
    await mine.getByText('Bonjour Amina, seriez-vous disponible jeudi pour une visite ?').waitFor();
    await mine.getByLabel('Your message').fill('Yes, Thursday works for me. Thank you!');
    await mine.getByRole('button', { name: 'Send' }).click();
    await mine.getByText('Yes, Thursday works for me. Thank you!').waitFor();
  });
  await axe(candidate, 'candidate thread (English)');

  const staffContext = await browser.newContext({ baseURL: base, locale: 'fr-CA' });
  staffContext.setDefaultTimeout(STEP_TIMEOUT);
  const staff = await staffContext.newPage();
  watch(staff);
  await check('MRC staff see the moderation queue and the statistics', async () => {
    await signIn(staff, STAFF);
    await staff.goto('/staff/mrc-kamouraska/modules/attraction/jobs');
    await expectHeading(staff, /^Emploi et arrimage$/);
    await staff
      .getByRole('heading', { name: /Technicien ou technicienne en contrôle de la qualité/ })
      .waitFor();
    await staff.getByRole('table', { name: 'Totaux' }).waitFor();
  });
  await axe(staff, 'staff jobs page (French)');

  const plain = await browser.newContext({ baseURL: base, locale: 'fr-CA', javaScriptEnabled: false });
  const visitor = await plain.newPage();
  await check('the public offers are readable without JavaScript, with JobPosting JSON-LD', async () => {
    await visitor.goto('/emplois/mrc-kamouraska');
    await visitor.getByRole('link', { name: OFFER }).click();
    await visitor.getByRole('heading', { level: 1, name: OFFER }).waitFor();
    const ld = await visitor.locator('script[type="application/ld+json"]').textContent();
    assert(ld?.includes('"@type":"JobPosting"'), 'the page carries a JobPosting');
  });
  // axe needs script: check the same server-rendered page in a context with JavaScript on.
  const scripted = await browser.newContext({ baseURL: base, locale: 'en-CA' });
  const reader = await scripted.newPage();
  await check('the public offer list and page open with JavaScript too', async () => {
    await reader.goto('/emplois/mrc-kamouraska?lang=en');
    await reader.getByRole('heading', { level: 1, name: /^Job offers/ }).waitFor();
    await axe(reader, 'public offer list (English)');
    await reader.getByRole('link', { name: OFFER }).click();
    await reader.getByRole('heading', { level: 1, name: OFFER }).waitFor();
  });
  await axe(reader, 'public offer page (French)');

  const narrow = await browser.newContext({
    baseURL: base,
    locale: 'fr-CA',
    viewport: { width: 320, height: 640 },
  });
  const small = await narrow.newPage();
  watch(small);
  await check('320 px: the candidate space has no horizontal scroll', async () => {
    await signIn(small, CANDIDATE);
    await small.goto(`/arrimage/${id}/candidat`);
    await expectHeading(small, /^(Mon espace candidat|My candidate space)$/);
    await noHorizontalScroll(small);
  });
  await axe(small, 'candidate space at 320 px');

  await noBrowserProblems();
  await Promise.all([
    candidateContext.close(),
    employerContext.close(),
    staffContext.close(),
    plain.close(),
    narrow.close(),
  ]);
}

await runSuite('attraction-jobs', run);
