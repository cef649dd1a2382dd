import { registerMessages } from '../../../platform/http/errors.ts';
import { defineEmailTemplate } from '../../../platform/notify/templates.ts';
import { periodLabel } from './render-report.ts';

// Bilingual messages and e-mail of monthly reports and transmissions.
registerMessages({
  'ops.report_not_found': { fr: 'Rapport introuvable.', en: 'Report not found.' },
  'ops.report_run_not_found': { fr: 'Édition du rapport introuvable.', en: 'Report edition not found.' },
  'ops.report_not_ready': {
    fr: 'Ce rapport n’est pas encore produit.',
    en: 'This report has not been produced yet.',
  },
  'ops.transmission_not_found': { fr: 'Transmission introuvable.', en: 'Transmission not found.' },
  'ops.transmission_template_unknown': {
    fr: 'Gabarit de transmission inconnu.',
    en: 'Unknown transmission template.',
  },
  'ops.transmission_state': {
    fr: 'Cette transmission ne peut pas passer à cette étape.',
    en: 'This transmission cannot move to this step.',
  },
});

/** Recipients learn that the month's report is ready, with where to find it. */
export const MONTHLY_REPORT_EMAIL = defineEmailTemplate<{
  title: { fr: string; en: string };
  period: string;
  url: string;
}>('operations.monthly_report', {
  subject: (p, l) => `${p.title[l]} — ${periodLabel(p.period).split(' / ')[l === 'fr' ? 0 : 1]}`,
  text: (p, l) =>
    l === 'fr'
      ? `Le rapport « ${p.title.fr} » de ${periodLabel(p.period).split(' / ')[0]} est produit (PDF et XLSX).\nIl est conservé dans l’archive des rapports : ${p.url}`
      : `The report “${p.title.en}” for ${periodLabel(p.period).split(' / ')[1]} is ready (PDF and XLSX).\nIt is kept in the report archive: ${p.url}`,
});
