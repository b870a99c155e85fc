// A workspace's audit log, newest first, fifty events a page.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEventsPage } from '../../shared/api-types.ts';
import { api, apiPath } from './client.ts';
import { queryKeys } from './keys.ts';

export const auditPageSize = 50;

export function useAuditEvents(workspaceId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit(workspaceId),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const base = apiPath`/api/workspaces/${workspaceId}/audit-events`;
      const query = new URLSearchParams({ limit: String(auditPageSize) });
      if (pageParam != null) query.set('before', String(pageParam));
      return api.get<AuditEventsPage>(`${base}?${query}`);
    },
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
