import type { Bilingual } from '../../../platform/http/locale.ts';

/** Why a contribution may be removed (each maps to a sentence of the policy below). */
export const MODERATION_REASONS = [
  'off_topic',
  'personal_attack',
  'personal_information',
  'spam',
  'illegal',
  'other',
] as const;

/** The moderation policy shown on every consultation page: what is removed and why, in plain words. */
export const MODERATION_POLICY: Bilingual = {
  fr: 'Les contributions sont publiées dès leur envoi et relues par le greffe. Sont retirées, avec le motif affiché à leur place : les propos hors sujet, les attaques personnelles, les renseignements personnels (les vôtres ou ceux d’autrui), les messages publicitaires ou répétés et les propos illégaux. Les idées, même critiques, ne sont jamais retirées pour leur opinion.',
  en: 'Contributions are published when sent and reviewed by the clerk’s office. Removed, with the reason shown in their place: off-topic remarks, personal attacks, personal information (yours or someone else’s), advertising or repeated messages, and illegal content. Ideas, however critical, are never removed for their opinion.',
};

/** The public names of the moderation reasons. */
export const REASON_LABELS: Record<(typeof MODERATION_REASONS)[number], Bilingual> = {
  off_topic: { fr: 'hors sujet', en: 'off topic' },
  personal_attack: { fr: 'attaque personnelle', en: 'personal attack' },
  personal_information: { fr: 'renseignements personnels', en: 'personal information' },
  spam: { fr: 'publicité ou message répété', en: 'advertising or repeated message' },
  illegal: { fr: 'propos illégaux', en: 'illegal content' },
  other: { fr: 'autre motif de la politique', en: 'other reason of the policy' },
};
