// Imports every feature's side-effect registrations (jobs, e-mail templates, messages, demo seeders).
// Each feature adds one line here.
import './platform/notify/jobs.ts';
import './platform/auth/jobs.ts';
import './platform/privacy/emails.ts';
import './platform/geo/registrations.ts';
import './platform/payments/registrations.ts';
import './modules/portal/registrations.ts';
import './modules/attraction/registrations.ts';
import './modules/attraction/site-registrations.ts';
import './modules/operations/registrations.ts';
import './modules/operations/callback/registrations.ts';
import './modules/transit/registrations.ts';
import './modules/citizen/requests/registrations.ts';
import './modules/citizen/recreation-registrations.ts';
import './modules/citizen/participation-registrations.ts';
