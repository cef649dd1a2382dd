export { EntryPage } from './EntryPage.tsx';
export { ImportPage } from './ImportPage.tsx';
export { OperationsPage } from './OperationsPage.tsx';
export { ReportsPage } from './ReportsPage.tsx';
export { StationPage } from './StationPage.tsx';
export { WaterPage } from './WaterPage.tsx';
