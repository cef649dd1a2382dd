export { BoardPage as CallbackBoardPage } from './BoardPage.tsx';
export { EmployeePage as CallbackEmployeePage } from './EmployeePage.tsx';
export { EmployeesPage as CallbackEmployeesPage } from './EmployeesPage.tsx';
export { MyCallbackPage } from './MyCallbackPage.tsx';
export { NeedPage as CallbackNeedPage } from './NeedPage.tsx';
export { OfferLinkPage as CallbackOfferLinkPage } from './OfferLinkPage.tsx';
export { ReportsPage as CallbackReportsPage } from './ReportsPage.tsx';
export { RulesPage as CallbackRulesPage } from './RulesPage.tsx';
export {
  UnionNeedPage as CallbackUnionNeedPage,
  UnionNeedsPage as CallbackUnionNeedsPage,
} from './UnionPage.tsx';
