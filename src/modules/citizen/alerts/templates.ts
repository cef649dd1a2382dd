import { defineNotification } from '../../../platform/notify/notification-templates.ts';

/** What an alert notification carries: the bilingual texts and where to read more. */
export interface AlertMessageParams extends Record<string, unknown> {
  msgType: 'Alert' | 'Update' | 'Cancel';
  test: boolean;
  headline: { fr: string; en: string };
  instruction: { fr: string; en: string };
  areaDesc: { fr: string; en: string };
  expires: string;
  url: string;
}

const PREFIX = {
  Alert: { fr: 'ALERTE', en: 'ALERT' },
  Update: { fr: 'MISE À JOUR', en: 'UPDATE' },
  Cancel: { fr: 'FIN D’ALERTE', en: 'ALERT ENDED' },
};

function title(p: AlertMessageParams, l: 'fr' | 'en'): string {
  const test = p.test ? (l === 'fr' ? '[EXERCICE] ' : '[TEST] ') : '';
  return `${test}${PREFIX[p.msgType][l]} – ${p.headline[l]}`;
}

/** The notification of an emergency alert, on every channel the person chose (category `emergency`). */
export const ALERT_MESSAGE = defineNotification<AlertMessageParams>('citizen.alert', {
  subject: (p, l) => title(p, l),
  text: (p, l) =>
    [
      title(p, l),
      '',
      `${l === 'fr' ? 'Secteur' : 'Area'} : ${p.areaDesc[l]}`,
      '',
      p.instruction[l],
      '',
      `${l === 'fr' ? 'En vigueur jusqu’au' : 'In effect until'} ${new Date(p.expires).toLocaleString(
        l === 'fr' ? 'fr-CA' : 'en-CA',
        { timeZone: 'America/Toronto', dateStyle: 'long', timeStyle: 'short' },
      )}`,
    ].join('\n'),
  short: (p, l) => `${title(p, l)}. ${p.instruction[l]}`.slice(0, 300),
  url: (p) => p.url,
});
