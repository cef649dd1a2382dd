import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { HomePage } from '../modules/home/HomePage.tsx';
import { NotFoundPage } from '../modules/home/NotFoundPage.tsx';
import { TownsPage } from '../modules/home/TownsPage.tsx';
import { ApiError } from './api.ts';
import { loadCatalogues } from './i18n.ts';
import { Layout } from './Layout.tsx';
import type { ModuleNamespace } from './module-catalogues.ts';
import { OrgProvider } from './org.tsx';
import { RequireSignIn } from './RequireSignIn.tsx';

// Each area is its own chunk, loaded when first visited, together with the catalogues its pages use
// (CATALOGUES below), so that a page does not wait for its texts after its code has arrived.
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => {
    const [area] = await Promise.all([load(), loadCatalogues(CATALOGUES.get(load) ?? [])]);
    return { default: area[name] as ComponentType };
  });
}

const auth = () => import('../modules/auth/index.ts');
const account = () => import('../modules/account/index.ts');
const staff = () => import('../modules/staff/index.ts');
const requests = () => import('../modules/citizen/requests/index.ts');
const callback = () => import('../modules/operations/callback/index.ts');
const operations = () => import('../modules/operations/index.ts');
const recreation = () => import('../modules/citizen/recreation/index.ts');
const participation = () => import('../modules/citizen/participation/index.ts');
const portal = () => import('../modules/portal/index.ts');
const addresses = () => import('../modules/staff/addresses/index.ts');
const transit = () => import('../modules/transit/index.ts');
const region = () => import('../modules/attraction/site/index.ts');
const jobs = () => import('../modules/attraction/jobs/index.ts');

/** The module catalogues (i18next namespaces) of each area's pages; areas not listed use the shell's only. */
const CATALOGUES = new Map<() => Promise<unknown>, readonly ModuleNamespace[]>([
  [requests, ['citizen']],
  [recreation, ['citizen']],
  [participation, ['participation']],
  [callback, ['callback']],
  [operations, ['operations']],
  [portal, ['portal']],
  [transit, ['transit']],
  [region, ['region']],
  [jobs, ['attraction']],
]);
const CandidateJobsPage = page(jobs, 'CandidatePage');
const EmployerJobsPage = page(jobs, 'EmployerPage');
const JoinCompanyPage = page(jobs, 'JoinCompanyPage');
const StaffJobsPage = page(jobs, 'StaffJobsPage');
const StaffAttractionPage = page(jobs, 'StaffAttractionPage');

const SurveysPage = page(participation, 'SurveysPage');
const ConsultationsPage = page(participation, 'ConsultationsPage');
const ConsultationPage = page(participation, 'ConsultationPage');
const SurveyPage = page(participation, 'SurveyPage');
const SurveyResultsPage = page(participation, 'SurveyResultsPage');
const NewslettersPage = page(participation, 'NewslettersPage');
const NewsletterConfirmPage = page(participation, 'NewsletterConfirmPage');
const NewsletterUnsubscribePage = page(participation, 'NewsletterUnsubscribePage');
const NewsletterIssuePage = page(participation, 'NewsletterIssuePage');
const AlertsPage = page(participation, 'AlertsPage');
const StaffParticipationPage = page(participation, 'StaffParticipationPage');
const StaffAlertsPage = page(participation, 'StaffAlertsPage');
const RollSearchPage = page(portal, 'RollSearchPage');
const TaxiBusPage = page(transit, 'TaxiBusPage');
const TransitFaresPage = page(transit, 'FaresPage');
const TransitTripPage = page(transit, 'TripPage');
const DispatchBoardPage = page(transit, 'DispatchBoardPage');
const DriverPage = page(transit, 'DriverPage');
const RollUnitPage = page(portal, 'RollUnitPage');
const PermitsPage = page(portal, 'PermitsPage');
const ApplyPage = page(portal, 'ApplyPage');
const ApplicationPage = page(portal, 'ApplicationPage');
const RegistryPage = page(portal, 'RegistryPage');
const VerifyPermitPage = page(portal, 'VerifyPermitPage');
const CitizenMapPage = page(portal, 'CitizenMapPage');
const PortalStaffPage = page(portal, 'PortalStaffPage');
const StaffPermitsPage = page(portal, 'StaffPermitsPage');
const StaffPermitPage = page(portal, 'StaffPermitPage');
const StaffRollPage = page(portal, 'StaffRollPage');
const StaffMapPage = page(portal, 'StaffMapPage');
const PermitTypesPage = page(portal, 'PermitTypesPage');
const PermitTypeEditPage = page(portal, 'PermitTypeEditPage');
const SignInPage = page(auth, 'SignInPage');
const SignUpPage = page(auth, 'SignUpPage');
const PasswordResetPage = page(auth, 'PasswordResetPage');
const AccountLayout = page(account, 'AccountLayout');
const ProfilePage = page(account, 'ProfilePage');
const HouseholdPage = page(account, 'HouseholdPage');
const SessionsPage = page(account, 'SessionsPage');
const SecurityPage = page(account, 'SecurityPage');
const ConsentsPage = page(account, 'ConsentsPage');
const DataPage = page(account, 'DataPage');
const MyOrdersPage = page(account, 'MyOrdersPage');
const MyOrderPage = page(account, 'MyOrderPage');
const InboxPage = page(account, 'InboxPage');
const NotificationPreferencesPage = page(account, 'NotificationPreferencesPage');
const DevicesPage = page(account, 'DevicesPage');
const StaffIndexPage = page(staff, 'StaffIndexPage');
const StaffLayout = page(staff, 'StaffLayout');
const StaffDashboardPage = page(staff, 'StaffDashboardPage');
const AuditLogPage = page(staff, 'AuditLogPage');
const OutboxPage = page(staff, 'OutboxPage');
const OutboxMessagePage = page(staff, 'OutboxMessagePage');
const StaffPeoplePage = page(staff, 'StaffPeoplePage');
const ModuleAreaPage = page(staff, 'ModuleAreaPage');
const InstallationLayout = page(staff, 'InstallationLayout');
const InstallationOutboxPage = page(staff, 'InstallationOutboxPage');
const InstallationOutboxMessagePage = page(staff, 'InstallationOutboxMessagePage');
const InstallationAuditPage = page(staff, 'InstallationAuditPage');
const DeletionRequestsPage = page(staff, 'DeletionRequestsPage');
const StaffOrdersPage = page(staff, 'StaffOrdersPage');
const StaffOrderPage = page(staff, 'StaffOrderPage');
const ReconciliationPage = page(staff, 'ReconciliationPage');
const PaymentSettingsPage = page(staff, 'PaymentSettingsPage');
const CampaignsPage = page(staff, 'CampaignsPage');
const CampaignPage = page(staff, 'CampaignPage');
const JobsPage = page(staff, 'JobsPage');
const AddressRegisterPage = page(addresses, 'AddressRegisterPage');
const AddressImportPage = page(addresses, 'AddressImportPage');
const CataloguePage = page(recreation, 'CataloguePage');
const ActivityPage = page(recreation, 'ActivityPage');
const CartPage = page(recreation, 'CartPage');
const WaitingRoomPage = page(recreation, 'WaitingRoomPage');
const MyRegistrationsPage = page(recreation, 'MyRegistrationsPage');
const ResidencyPage = page(recreation, 'ResidencyPage');
const ClaimPage = page(recreation, 'ClaimPage');
const CardsPage = page(recreation, 'CardsPage');
const StaffRecreationPage = page(recreation, 'StaffRecreationPage');
const ActivityEditPage = page(recreation, 'ActivityEditPage');
const AttendancePage = page(recreation, 'AttendancePage');
const CounterPage = page(recreation, 'CounterPage');
const ResidencyReviewPage = page(recreation, 'ResidencyReviewPage');
const ReportsPage = page(recreation, 'ReportsPage');
const RequestsHomePage = page(requests, 'RequestsHomePage');
const NewRequestPage = page(requests, 'NewRequestPage');
const RequestPage = page(requests, 'RequestPage');
const GuestRequestPage = page(requests, 'GuestRequestPage');
const MyRequestsPage = page(requests, 'MyRequestsPage');
const StaffRequestsPage = page(requests, 'StaffRequestsPage');
const StaffRequestPage = page(requests, 'StaffRequestPage');
const StaffRequestStatsPage = page(requests, 'StaffRequestStatsPage');
const StaffRequestSettingsPage = page(requests, 'StaffRequestSettingsPage');

const CallbackBoardPage = page(callback, 'CallbackBoardPage');
const CallbackNeedPage = page(callback, 'CallbackNeedPage');
const CallbackEmployeesPage = page(callback, 'CallbackEmployeesPage');
const CallbackEmployeePage = page(callback, 'CallbackEmployeePage');
const CallbackRulesPage = page(callback, 'CallbackRulesPage');
const CallbackReportsPage = page(callback, 'CallbackReportsPage');
const MyCallbackPage = page(callback, 'MyCallbackPage');
const CallbackOfferLinkPage = page(callback, 'CallbackOfferLinkPage');
const CallbackUnionNeedsPage = page(callback, 'CallbackUnionNeedsPage');
const CallbackUnionNeedPage = page(callback, 'CallbackUnionNeedPage');
const OperationsPage = page(operations, 'OperationsPage');
const OperationsStationPage = page(operations, 'StationPage');
const OperationsEntryPage = page(operations, 'EntryPage');
const OperationsImportPage = page(operations, 'ImportPage');
const OperationsWaterPage = page(operations, 'WaterPage');
const OperationsReportsPage = page(operations, 'ReportsPage');
const OperationsStationEditPage = page(operations, 'StationEditPage');
const OperationsOnCallPage = page(operations, 'OnCallPage');
const OperationsReportDefinitionPage = page(operations, 'ReportDefinitionPage');
const RegionMapPage = page(region, 'RegionMapPage');
const RegionContactsPage = page(region, 'RegionContactsPage');
const RegionContactPage = page(region, 'RegionContactPage');
const StaffSitePage = page(region, 'StaffSitePage');
const PageEditorPage = page(region, 'PageEditorPage');
const StaffPlacesPage = page(region, 'StaffPlacesPage');
const StaffOutlinesPage = page(region, 'StaffOutlinesPage');
const StaffContactsPage = page(region, 'StaffContactsPage');
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (401, 403, 404) will not change by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** The whole application: data, organisations and theme, then routes. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <OrgProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="towns" element={<TownsPage />} />
              <Route path=":orgSlug/activities" element={<CataloguePage />} />
              <Route path=":orgSlug/activities/:activityId" element={<ActivityPage />} />
              <Route path=":orgSlug/claim" element={<ClaimPage />} />
              <Route path=":orgSlug/requests" element={<RequestsHomePage />} />
              <Route path=":orgSlug/requests/new" element={<NewRequestPage />} />
              <Route path=":orgSlug/requests/suivi/:token" element={<GuestRequestPage />} />
              <Route path=":orgSlug/roll" element={<RollSearchPage />} />
              <Route path=":orgSlug/roll/:unitId" element={<RollUnitPage />} />
              <Route path=":orgSlug/permits" element={<PermitsPage />} />
              <Route path=":orgSlug/permits/registry" element={<RegistryPage />} />
              <Route path=":orgSlug/permits/verify/:token" element={<VerifyPermitPage />} />
              <Route path=":orgSlug/map" element={<CitizenMapPage />} />
              <Route path=":orgSlug/region/carte" element={<RegionMapPage />} />
              <Route path=":orgSlug/region/contacts" element={<RegionContactsPage />} />
              <Route path=":orgSlug/region/contacts/:contactSlug" element={<RegionContactPage />} />
              <Route path=":orgSlug/transit" element={<TaxiBusPage />} />
              <Route path=":orgSlug/transit/fares" element={<TransitFaresPage />} />
              <Route path=":orgSlug/sondages" element={<SurveysPage />} />
              <Route path=":orgSlug/sondages/:surveyId" element={<SurveyPage />} />
              <Route path=":orgSlug/sondages/:surveyId/resultats" element={<SurveyResultsPage />} />
              <Route path=":orgSlug/infolettres" element={<NewslettersPage />} />
              <Route path=":orgSlug/infolettres/confirmer" element={<NewsletterConfirmPage />} />
              <Route path=":orgSlug/infolettres/desabonner" element={<NewsletterUnsubscribePage />} />
              <Route path=":orgSlug/infolettres/archives/:issueId" element={<NewsletterIssuePage />} />
              <Route path=":orgSlug/consultations" element={<ConsultationsPage />} />
              <Route path=":orgSlug/consultations/:consultationId" element={<ConsultationPage />} />
              <Route path=":orgSlug/alertes" element={<AlertsPage />} />
              <Route path=":orgSlug/alertes/:rootId" element={<AlertsPage />} />
              <Route path=":orgSlug/callback/offer/:token" element={<CallbackOfferLinkPage />} />
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="sign-up" element={<SignUpPage />} />
              <Route path="password-reset" element={<PasswordResetPage />} />
              <Route element={<RequireSignIn />}>
                <Route path=":orgSlug/cart" element={<CartPage />} />
                <Route path=":orgSlug/transit/trips/:tripId" element={<TransitTripPage />} />
                <Route path=":orgSlug/waiting-room/:seasonId" element={<WaitingRoomPage />} />
                <Route path=":orgSlug/registrations" element={<MyRegistrationsPage />} />
                <Route path=":orgSlug/residency" element={<ResidencyPage />} />
                <Route path=":orgSlug/cards" element={<CardsPage />} />
                <Route path=":orgSlug/requests/mine" element={<MyRequestsPage />} />
                <Route path=":orgSlug/requests/:id" element={<RequestPage />} />
                <Route path=":orgSlug/permits/apply/:typeCode" element={<ApplyPage />} />
                <Route path=":orgSlug/permits/applications/:id" element={<ApplicationPage />} />
                <Route path=":orgSlug/callback" element={<MyCallbackPage />} />
                <Route path=":orgSlug/callback/union" element={<CallbackUnionNeedsPage />} />
                <Route path=":orgSlug/callback/union/needs/:needId" element={<CallbackUnionNeedPage />} />
                <Route path="arrimage/:orgId/candidat" element={<CandidateJobsPage />} />
                <Route path="arrimage/:orgId/employeur" element={<EmployerJobsPage />} />
                <Route path="arrimage/:orgId/employeur/rejoindre" element={<JoinCompanyPage />} />
                <Route path="account" element={<AccountLayout />}>
                  <Route index element={<ProfilePage />} />
                  <Route path="household" element={<HouseholdPage />} />
                  <Route path="sessions" element={<SessionsPage />} />
                  <Route path="security" element={<SecurityPage />} />
                  <Route path="consents" element={<ConsentsPage />} />
                  <Route path="data" element={<DataPage />} />
                  <Route path="orders" element={<MyOrdersPage />} />
                  <Route path="orders/:orderId" element={<MyOrderPage />} />
                  <Route path="inbox" element={<InboxPage />} />
                  <Route path="notifications" element={<NotificationPreferencesPage />} />
                  <Route path="devices" element={<DevicesPage />} />
                </Route>
                <Route path="staff" element={<StaffIndexPage />} />
                <Route path="staff/:orgSlug" element={<StaffLayout />}>
                  <Route index element={<StaffDashboardPage />} />
                  <Route path="audit" element={<AuditLogPage />} />
                  <Route path="outbox" element={<OutboxPage />} />
                  <Route path="outbox/:messageId" element={<OutboxMessagePage />} />
                  <Route path="people" element={<StaffPeoplePage />} />
                  <Route path="orders" element={<StaffOrdersPage />} />
                  <Route path="orders/:orderId" element={<StaffOrderPage />} />
                  <Route path="reconciliation" element={<ReconciliationPage />} />
                  <Route path="payment-settings" element={<PaymentSettingsPage />} />
                  <Route path="campaigns" element={<CampaignsPage />} />
                  <Route path="campaigns/:campaignId" element={<CampaignPage />} />
                  <Route path="addresses" element={<AddressRegisterPage />} />
                  <Route path="addresses/import" element={<AddressImportPage />} />
                  <Route path="modules/recreation" element={<StaffRecreationPage />} />
                  <Route path="modules/recreation/activities/new" element={<ActivityEditPage />} />
                  <Route path="modules/recreation/activities/:activityId" element={<ActivityEditPage />} />
                  <Route
                    path="modules/recreation/activities/:activityId/registrations"
                    element={<AttendancePage />}
                  />
                  <Route path="modules/recreation/counter" element={<CounterPage />} />
                  <Route path="modules/recreation/residency" element={<ResidencyReviewPage />} />
                  <Route path="modules/recreation/reports" element={<ReportsPage />} />
                  <Route path="modules/requests" element={<StaffRequestsPage />} />
                  <Route path="modules/operations" element={<OperationsPage />} />
                  <Route path="modules/operations/stations/:stationId" element={<OperationsStationPage />} />
                  <Route path="modules/operations/entry" element={<OperationsEntryPage />} />
                  <Route path="modules/operations/import" element={<OperationsImportPage />} />
                  <Route path="modules/operations/water" element={<OperationsWaterPage />} />
                  <Route path="modules/operations/reports" element={<OperationsReportsPage />} />
                  <Route path="modules/operations/stations/new" element={<OperationsStationEditPage />} />
                  <Route
                    path="modules/operations/stations/:stationId/edit"
                    element={<OperationsStationEditPage />}
                  />
                  <Route path="modules/operations/water/on-call" element={<OperationsOnCallPage />} />
                  <Route path="modules/operations/reports/new" element={<OperationsReportDefinitionPage />} />
                  <Route
                    path="modules/operations/reports/:reportId"
                    element={<OperationsReportDefinitionPage />}
                  />
                  <Route path="modules/operations/callback" element={<CallbackBoardPage />} />
                  <Route path="modules/operations/callback/needs/:needId" element={<CallbackNeedPage />} />
                  <Route path="modules/operations/callback/employees" element={<CallbackEmployeesPage />} />
                  <Route
                    path="modules/operations/callback/employees/:employeeId"
                    element={<CallbackEmployeePage />}
                  />
                  <Route path="modules/operations/callback/rules" element={<CallbackRulesPage />} />
                  <Route path="modules/operations/callback/reports" element={<CallbackReportsPage />} />
                  <Route path="modules/requests/stats" element={<StaffRequestStatsPage />} />
                  <Route path="modules/requests/settings" element={<StaffRequestSettingsPage />} />
                  <Route path="modules/requests/:id" element={<StaffRequestPage />} />
                  <Route path="modules/urban_planning" element={<PortalStaffPage />} />
                  <Route path="modules/urban_planning/permits" element={<StaffPermitsPage />} />
                  <Route path="modules/urban_planning/permits/:id" element={<StaffPermitPage />} />
                  <Route path="modules/urban_planning/roll" element={<StaffRollPage />} />
                  <Route path="modules/urban_planning/map" element={<StaffMapPage />} />
                  <Route path="modules/urban_planning/permit-types" element={<PermitTypesPage />} />
                  <Route path="modules/urban_planning/permit-types/new" element={<PermitTypeEditPage />} />
                  <Route
                    path="modules/urban_planning/permit-types/edit/:code"
                    element={<PermitTypeEditPage />}
                  />
                  <Route path="modules/clerk" element={<StaffParticipationPage />} />
                  <Route path="modules/public_works" element={<StaffAlertsPage />} />
                  <Route path="modules/transit_dispatch" element={<DispatchBoardPage />} />
                  <Route path="modules/transit_driver" element={<DriverPage />} />
                  <Route path="modules/attraction" element={<StaffAttractionPage />} />
                  <Route path="modules/attraction/site" element={<StaffSitePage />} />
                  <Route path="modules/attraction/jobs" element={<StaffJobsPage />} />
                  <Route path="modules/attraction/site/pages/new" element={<PageEditorPage />} />
                  <Route path="modules/attraction/site/pages/:pageId" element={<PageEditorPage />} />
                  <Route path="modules/attraction/site/places" element={<StaffPlacesPage />} />
                  <Route path="modules/attraction/site/outlines" element={<StaffOutlinesPage />} />
                  <Route path="modules/attraction/site/contacts" element={<StaffContactsPage />} />
                  <Route path="modules/:area" element={<ModuleAreaPage />} />
                </Route>
                <Route path="admin" element={<InstallationLayout />}>
                  <Route index element={<Navigate to="deletion-requests" replace />} />
                  <Route path="deletion-requests" element={<DeletionRequestsPage />} />
                  <Route path="audit" element={<InstallationAuditPage />} />
                  <Route path="outbox" element={<InstallationOutboxPage />} />
                  <Route path="outbox/:messageId" element={<InstallationOutboxMessagePage />} />
                  <Route path="jobs" element={<JobsPage />} />
                </Route>
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </OrgProvider>
    </QueryClientProvider>
  );
}
