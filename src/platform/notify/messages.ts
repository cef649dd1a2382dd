import { registerMessages } from '../http/errors.ts';

registerMessages({
  'notify.message_not_found': { fr: 'Message introuvable.', en: 'Message not found.' },
});
