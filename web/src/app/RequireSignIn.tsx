import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../ui/Loadable.tsx';
import { useSession } from './session.tsx';

/** Pages behind it need a signed-in person; others are sent to sign in and brought back. */
export function RequireSignIn() {
  const { loading, signedIn } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!signedIn) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
