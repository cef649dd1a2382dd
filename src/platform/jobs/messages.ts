import { registerMessages } from '../http/errors.ts';

registerMessages({
  'jobs.not_found': { fr: 'Tâche introuvable.', en: 'Job not found.' },
  'jobs.not_retryable': {
    fr: 'Cette tâche ne peut pas être relancée (état : {state}).',
    en: 'This job cannot be retried (state: {state}).',
  },
});
