// Recreation (residency, cards, activities, registrations, waiting room): citizens' and staff's pages, one chunk.
export { ActivityPage } from './ActivityPage.tsx';
export { CardsPage } from './CardsPage.tsx';
export { CartPage } from './CartPage.tsx';
export { CataloguePage } from './CataloguePage.tsx';
export { ClaimPage } from './ClaimPage.tsx';
export { MyRegistrationsPage } from './MyRegistrationsPage.tsx';
export { ResidencyPage } from './ResidencyPage.tsx';
export { ActivityEditPage } from './staff/ActivityEditPage.tsx';
export { AttendancePage } from './staff/AttendancePage.tsx';
export { CounterPage } from './staff/CounterPage.tsx';
export { ReportsPage } from './staff/ReportsPage.tsx';
export { ResidencyReviewPage } from './staff/ResidencyReviewPage.tsx';
export { StaffRecreationPage } from './staff/StaffRecreationPage.tsx';
export { WaitingRoomPage } from './WaitingRoomPage.tsx';
