// Side effects of participation (surveys, consultations, newsletters, emergency alerts): error messages,
// notification templates, jobs and the demonstration content.
import './alerts/messages.ts';
import './alerts/templates.ts';
import './consultations/messages.ts';
import './consultations/templates.ts';
import './surveys/messages.ts';
import './newsletters/jobs.ts';
import './newsletters/messages.ts';
import './newsletters/templates.ts';
import './participation-demo.ts';
