// Side effects of the recreation features (residency, cards, activities, registrations, waiting room):
// jobs and the order handler, e-mail templates, error messages, the upload purpose and the demo content.
import './activities/messages.ts';
import './demo.ts';
import './registrations/jobs.ts';
import './registrations/messages.ts';
import './residency/emails.ts';
import './residency/files.ts';
import './residency/messages.ts';
