import './region.css';

export { PageEditorPage } from './PageEditorPage.tsx';
export { RegionContactPage } from './RegionContactPage.tsx';
export { RegionContactsPage } from './RegionContactsPage.tsx';
export { RegionMapPage } from './RegionMapPage.tsx';
export { StaffSitePage } from './StaffSitePage.tsx';
