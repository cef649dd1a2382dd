// The address register (search, map, imports): its own chunk, since the map brings Leaflet.
import '../staff.css';

export { AddressImportPage } from './AddressImportPage.tsx';
export { AddressRegisterPage } from './AddressRegisterPage.tsx';
