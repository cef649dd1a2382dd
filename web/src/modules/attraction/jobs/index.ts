// Attractivité et emploi (2/2): the candidate space, the employer space and MRC staff's jobs pages.
export { CandidatePage } from './CandidatePage.tsx';
export { EmployerPage } from './EmployerPage.tsx';
export { JoinCompanyPage } from './JoinCompanyPage.tsx';
export { StaffAttractionPage } from './StaffAttractionPage.tsx';
export { StaffJobsPage } from './StaffJobsPage.tsx';
