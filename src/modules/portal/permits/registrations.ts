// Side effects of permits: messages, notification template, document uploads, payment hook, expiry job,
// the map layer of issued permits.
import { registerFilePurpose } from '../../../platform/files/purposes.ts';
import { registerMapLayer } from '../../../platform/geo/map-layers.ts';
import { registerJobs } from '../../../platform/jobs/define-jobs.ts';
import { onOrderStateChange } from '../../../platform/payments/hooks.ts';
import { PERMIT_DOCUMENT_PURPOSE } from './attach-document.ts';
import { expirePermits } from './expire-permits.ts';
import { findPermitsInBox } from './find-permits-in-box.ts';
import './messages.ts';
import './notifications.ts';
import { settlePermitPayment } from './settle-permit-payment.ts';

const EXPIRE_QUEUE = 'portal.permit-expiry';

registerFilePurpose(PERMIT_DOCUMENT_PURPOSE, { types: ['pdf', 'jpeg', 'png'] });
onOrderStateChange('portal.permit', settlePermitPayment);
registerJobs(({ database, jobs }) => {
  jobs.define(EXPIRE_QUEUE, async () => {
    await expirePermits({ db: database.db });
  });
  jobs.cron(EXPIRE_QUEUE, '17 2 * * *');
});
registerMapLayer({
  id: 'portal.permits',
  title: { fr: 'Permis délivrés', en: 'Issued permits' },
  query: findPermitsInBox,
});
