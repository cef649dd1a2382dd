import { registerMessages } from '../http/errors.ts';

// `privacy.request_open` lives in the shared catalogue.
registerMessages({
  'privacy.purpose_unknown': {
    fr: 'Cette finalité de consentement n’existe pas.',
    en: 'This consent purpose does not exist.',
  },
  'privacy.consent_version_stale': {
    fr: 'Le texte de ce consentement a changé. Relisez-le avant de confirmer votre choix.',
    en: 'The text of this consent has changed. Read it again before confirming your choice.',
  },
  'privacy.request_not_found': {
    fr: 'Demande de suppression introuvable.',
    en: 'Deletion request not found.',
  },
  'privacy.request_closed': {
    fr: 'Cette demande a déjà été traitée.',
    en: 'This request has already been handled.',
  },
});
