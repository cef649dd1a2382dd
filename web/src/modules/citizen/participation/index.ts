// Participation (surveys, newsletters, emergency alerts): citizens' pages and the staff's, one chunk.
export { AlertsPage } from './AlertsPage.tsx';
export { ConsultationPage, ConsultationsPage } from './ConsultationPage.tsx';
export {
  NewsletterConfirmPage,
  NewsletterIssuePage,
  NewslettersPage,
  NewsletterUnsubscribePage,
} from './NewslettersPage.tsx';
export { SurveyPage, SurveyResultsPage } from './SurveyPage.tsx';
export { SurveysPage } from './SurveysPage.tsx';
export { StaffAlertsPage } from './staff/StaffAlertsPage.tsx';
export { StaffParticipationPage } from './staff/StaffParticipationPage.tsx';
