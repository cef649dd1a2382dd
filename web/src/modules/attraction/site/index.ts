import './region.css';

export { PageEditorPage } from './PageEditorPage.tsx';
export { RegionContactPage } from './RegionContactPage.tsx';
export { RegionContactsPage } from './RegionContactsPage.tsx';
export { RegionMapPage } from './RegionMapPage.tsx';
export { StaffSitePage } from './StaffSitePage.tsx';
export { StaffContactsPage } from './staff/StaffContactsPage.tsx';
export { StaffOutlinesPage } from './staff/StaffOutlinesPage.tsx';
export { StaffPlacesPage } from './staff/StaffPlacesPage.tsx';
