// The account area (profile, household, sessions, security, consents, data), loaded as one chunk.
export { AccountLayout } from './AccountLayout.tsx';
export { ConsentsPage } from './ConsentsPage.tsx';
export { DataPage } from './DataPage.tsx';
export { HouseholdPage } from './HouseholdPage.tsx';
export { ProfilePage } from './ProfilePage.tsx';
export { SecurityPage } from './SecurityPage.tsx';
export { SessionsPage } from './SessionsPage.tsx';
