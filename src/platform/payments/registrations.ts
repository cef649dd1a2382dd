// Side effects of payments loaded once at start-up: messages, e-mail templates, jobs and demo content.
import './demo.ts';
import './jobs.ts';
