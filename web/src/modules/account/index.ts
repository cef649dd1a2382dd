// The account area (profile, household, orders, sessions, security, consents, data, messages), one chunk.
export { AccountLayout } from './AccountLayout.tsx';
export { ConsentsPage } from './ConsentsPage.tsx';
export { DataPage } from './DataPage.tsx';
export { HouseholdPage } from './HouseholdPage.tsx';
export { DevicesPage } from './notifications/DevicesPage.tsx';
export { InboxPage } from './notifications/InboxPage.tsx';
export { NotificationPreferencesPage } from './notifications/PreferencesPage.tsx';
export { MyOrderPage } from './orders/MyOrderPage.tsx';
export { MyOrdersPage } from './orders/MyOrdersPage.tsx';
export { ProfilePage } from './ProfilePage.tsx';
export { SecurityPage } from './SecurityPage.tsx';
export { SessionsPage } from './SessionsPage.tsx';
