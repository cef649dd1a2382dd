// Requests to the city (311): citizens' pages and the staff's, loaded as one chunk.
export { MyRequestsPage } from './MyRequestsPage.tsx';
export { NewRequestPage } from './NewRequestPage.tsx';
export { GuestRequestPage, RequestPage } from './RequestPage.tsx';
export { RequestsHomePage } from './RequestsHomePage.tsx';
export { StaffRequestPage } from './staff/StaffRequestPage.tsx';
export { StaffRequestSettingsPage } from './staff/StaffRequestSettingsPage.tsx';
export { StaffRequestStatsPage } from './staff/StaffRequestStatsPage.tsx';
export { StaffRequestsPage } from './staff/StaffRequestsPage.tsx';
