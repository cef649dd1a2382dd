import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../app/api.ts';

/** The query key of the unread count, refreshed after anything is marked read. */
export const UNREAD_KEY = ['me', 'inbox', 'unread'] as const;

/** How many inbox messages the signed-in person has not read, asked again every minute. */
export function useUnreadCount(enabled: boolean): number {
  const query = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => call(api.GET('/api/me/inbox/unread-count')),
    enabled,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
  return enabled ? (query.data?.unread ?? 0) : 0;
}
