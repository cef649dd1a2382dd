// The staff back-office and the installation administrators' area, loaded as one chunk.
import './staff.css';

export { AuditLogPage, InstallationAuditPage } from './AuditLogPage.tsx';
export { CampaignPage } from './campaigns/CampaignPage.tsx';
export { CampaignsPage } from './campaigns/CampaignsPage.tsx';
export { DeletionRequestsPage } from './DeletionRequestsPage.tsx';
export { InstallationLayout } from './InstallationLayout.tsx';
export { InstallationOutboxPage } from './InstallationOutboxPage.tsx';
export { JobsPage } from './jobs/JobsPage.tsx';
export { ModuleAreaPage } from './ModuleAreaPage.tsx';
export { InstallationOutboxMessagePage, OutboxMessagePage } from './OutboxMessagePage.tsx';
export { OutboxPage } from './OutboxPage.tsx';
export { PaymentSettingsPage } from './payments/PaymentSettingsPage.tsx';
export { ReconciliationPage } from './payments/ReconciliationPage.tsx';
export { StaffOrderPage } from './payments/StaffOrderPage.tsx';
export { StaffOrdersPage } from './payments/StaffOrdersPage.tsx';
export { StaffDashboardPage } from './StaffDashboardPage.tsx';
export { StaffIndexPage } from './StaffIndexPage.tsx';
export { StaffLayout } from './StaffLayout.tsx';
export { StaffPeoplePage } from './StaffPeoplePage.tsx';
