import { useOutletContext } from 'react-router';
import type { Organisation } from '../../app/org.tsx';
import type { Role } from '../../app/session.tsx';

/** What every back-office page knows: the organisation in use and the person's roles there. */
export interface StaffContext {
  org: Organisation;
  roles: Role[];
  isAdmin: boolean;
  base: string;
}

/** The back-office context given by StaffLayout. */
export function useStaff(): StaffContext {
  return useOutletContext<StaffContext>();
}
