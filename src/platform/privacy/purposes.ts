import type { Bilingual } from '../http/locale.ts';

/** A purpose for which a person may consent to the use of their data, with the text they are shown. */
export interface Purpose {
  purpose: string;
  /** Changes whenever the text changes in a way that matters: consent to an older version no longer counts. */
  version: string;
  title: Bilingual;
  text: Bilingual;
}

// Law 25: consent is specific to each purpose, given in clear terms, and off until the person turns it on.
// Changing a text means a new version here; the ledger keeps what each person actually saw.
export const PURPOSES: readonly Purpose[] = [
  {
    purpose: 'newsletter',
    version: '2026-01',
    title: { fr: 'Infolettre', en: 'Newsletter' },
    text: {
      fr: 'J’accepte de recevoir par courriel l’infolettre des municipalités avec lesquelles j’ai un dossier (activités, travaux, avis publics). Je peux me désabonner en tout temps.',
      en: 'I agree to receive by e-mail the newsletter of the municipalities I deal with (activities, works, public notices). I can unsubscribe at any time.',
    },
  },
  {
    purpose: 'analytics',
    version: '2026-01',
    title: { fr: 'Statistiques d’utilisation anonymes', en: 'Anonymous usage statistics' },
    text: {
      fr: 'J’accepte que mon utilisation du site soit comptée de façon anonyme (pages consultées, sans mon identité) pour aider la municipalité à améliorer ses services.',
      en: 'I agree that my use of the site be counted anonymously (pages visited, without my identity) to help the municipality improve its services.',
    },
  },
  {
    purpose: 'sms_alerts',
    version: '2026-01',
    title: { fr: 'Alertes par texto', en: 'Text message alerts' },
    text: {
      fr: 'J’accepte que mon numéro de téléphone serve à m’envoyer des alertes par texto (urgences, avis d’ébullition, fermetures de rues). Des frais de messagerie de mon fournisseur peuvent s’appliquer.',
      en: 'I agree that my phone number be used to send me text message alerts (emergencies, boil-water notices, street closures). My carrier’s messaging rates may apply.',
    },
  },
  {
    purpose: 'job_matching',
    version: '2026-01',
    title: { fr: 'Arrimage avec des employeurs', en: 'Matching with employers' },
    text: {
      fr: 'J’accepte que mon profil de candidat (compétences, langues, disponibilités, sans mes coordonnées) soit montré aux employeurs de la région pour qu’ils puissent m’inviter à postuler.',
      en: 'I agree that my candidate profile (skills, languages, availability, without my contact details) be shown to employers in the region so they can invite me to apply.',
    },
  },
];

/** A purpose of the catalogue by name, or undefined. */
export function findPurpose(name: string): Purpose | undefined {
  return PURPOSES.find((p) => p.purpose === name);
}
