// Imports every feature's side-effect registrations (jobs, e-mail templates, messages, demo seeders).
// Each feature adds one line here.
import './platform/notify/jobs.ts';
