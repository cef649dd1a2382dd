import { defineNotification } from '../../../platform/notify/notification-templates.ts';

/** News of a followed consultation: a new meeting, or its closing with the summary. */
export interface ConsultationNewsParams extends Record<string, unknown> {
  title: { fr: string; en: string };
  news: { fr: string; en: string };
  url: string;
}

export const CONSULTATION_NEWS = defineNotification<ConsultationNewsParams>('citizen.consultation_news', {
  subject: (p, l) => (l === 'fr' ? `Consultation « ${p.title.fr} »` : `Consultation “${p.title.en}”`),
  text: (p, l) =>
    `${p.news[l]}\n\n${l === 'fr' ? 'Voir la consultation' : 'See the consultation'} : ${p.url}`,
  short: (p, l) => p.news[l].slice(0, 140),
  url: (p) => p.url,
});
