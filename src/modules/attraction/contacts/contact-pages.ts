// Server-rendered directory of resource people (no address ever shown) with a link to book.
import { findRegion } from '../site/policies.ts';
import { type PublicPageRequest, publicFrame } from '../site/public-pages.ts';
import { esc, type Lang, T } from '../site/render-site.ts';
import { listPublicContacts } from './contacts.ts';

/** Topic names in both languages. */
export const TOPICS: Record<string, { fr: string; en: string }> = {
  immigration: { fr: 'Immigration', en: 'Immigration' },
  housing: { fr: 'Logement', en: 'Housing' },
  employment: { fr: 'Emploi', en: 'Employment' },
  daycare: { fr: 'Garderies', en: 'Daycare' },
  schools: { fr: 'Écoles', en: 'Schools' },
  health: { fr: 'Santé', en: 'Health' },
  transport: { fr: 'Transport', en: 'Transport' },
  culture: { fr: 'Culture et plein air', en: 'Culture and outdoors' },
  business: { fr: 'Entrepreneuriat', en: 'Starting a business' },
};

const LANGS: Record<string, { fr: string; en: string }> = {
  fr: { fr: 'français', en: 'French' },
  en: { fr: 'anglais', en: 'English' },
  es: { fr: 'espagnol', en: 'Spanish' },
  ar: { fr: 'arabe', en: 'Arabic' },
  pt: { fr: 'portugais', en: 'Portuguese' },
  wo: { fr: 'wolof', en: 'Wolof' },
};

const both = (fn: (l: Lang) => string) => ({ fr: fn('fr'), en: fn('en') });

/** The directory of resource people, filterable by topic and language without JavaScript. */
export async function contactsPage(
  req: PublicPageRequest & { topic?: string; language?: string },
): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const l = req.locale;
  const fr = l === 'fr';
  const items = await listPublicContacts(req.db, region, { topic: req.topic, language: req.language });
  const opt = (v: string, label: string, cur?: string) =>
    `<option value="${esc(v)}"${v === cur ? ' selected' : ''}>${esc(label)}</option>`;
  const form = `<form class="filters" method="get">
<label>${fr ? 'Sujet' : 'Topic'}<select name="sujet"><option value="">${fr ? 'Tous' : 'All'}</option>${Object.entries(
    TOPICS,
  )
    .map(([k, v]) => opt(k, v[l], req.topic))
    .join('')}</select></label>
<label>${fr ? 'Langue parlée' : 'Language spoken'}<select name="langue"><option value="">${fr ? 'Toutes' : 'All'}</option>${Object.entries(
    LANGS,
  )
    .map(([k, v]) => opt(k, v[l], req.language))
    .join('')}</select></label>
<button type="submit">${fr ? 'Filtrer' : 'Filter'}</button>
</form>`;
  const list = items.length
    ? `<ul class="cards">${items
        .map(
          (c) => `<li><h2>${esc(c.name)}</h2><p class="meta">${esc(c.role[l])}</p><p>${esc(c.bio[l])}</p>
<p>${fr ? 'Sujets' : 'Topics'} : ${c.topics.map((t) => esc(TOPICS[t]?.[l] ?? t)).join(', ')}<br>${fr ? 'Langues' : 'Languages'} : ${c.languages.map((x) => esc(LANGS[x]?.[l] ?? x)).join(', ')}</p>
<p><a href="/region/${esc(region.slug)}/${l}/personnes-ressources/${esc(c.slug)}">${fr ? `Écrire ou prendre rendez-vous avec ${esc(c.name)}` : `Write to or book ${esc(c.name)}`}</a>${c.nextSlots ? ` (${c.nextSlots} ${fr ? 'plage(s) libre(s)' : 'open slot(s)'})` : ''}</p></li>`,
        )
        .join('')}</ul>`
    : `<p>${fr ? 'Aucune personne ne correspond.' : 'Nobody matches.'}</p>`;
  return publicFrame(req, region, {
    title: T[l].contacts,
    description: fr
      ? 'Agents d’attraction, conseillers en immigration, aide au logement : parlez à la bonne personne.'
      : 'Attraction agents, immigration advisors, housing help: talk to the right person.',
    paths: both((x) => `/region/${region.slug}/${x}/personnes-ressources`),
    body: `<h1>${T[l].contacts}</h1>${form}${list}`,
  });
}
