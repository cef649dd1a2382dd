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
import { onDomainEvent } from '../../platform/events/domain-events.ts';
import { alertOnBoilWaterAdvisory } from './alerts/boil-water-alert.ts';

// A boil-water advisory of the operations module becomes an emergency alert (and its lifting, a cancellation).
onDomainEvent('water.boil_water_advisory', alertOnBoilWaterAdvisory);
