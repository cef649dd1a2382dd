export { DispatchBoardPage } from './DispatchBoardPage.tsx';
export { DriverPage } from './DriverPage.tsx';
export { FaresPage } from './FaresPage.tsx';
export { TaxiBusPage } from './TaxiBusPage.tsx';
export { TripPage } from './TripPage.tsx';
