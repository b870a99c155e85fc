// The bell's data: my notifications in the current workspace, polled every
// 30 seconds, and marking them read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../api/client.ts';

export interface NotificationItem {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: string;
  read: boolean;
}

export const notificationKeys = {
  list: (workspaceId: string) => ['workspaces', workspaceId, 'notifications'] as const,
};

export const notificationPollMs = 30_000;

export function useNotifications(workspaceId: string) {
  return useQuery({
    queryKey: notificationKeys.list(workspaceId),
    queryFn: () => api.get<{ unread: number; items: NotificationItem[] }>(apiPath`/api/workspaces/${workspaceId}/notifications`),
    refetchInterval: notificationPollMs,
  });
}

/** Marks the given notifications read, or all of them. */
export function useMarkNotificationsRead(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api.post(apiPath`/api/workspaces/${workspaceId}/notifications/read`, ids === 'all' ? {} : { ids }),
    onMutate: (ids) => {
      // Shown read at once; the server's answer follows.
      queryClient.setQueryData<{ unread: number; items: NotificationItem[] }>(notificationKeys.list(workspaceId), (data) => {
        if (!data) return data;
        const items = data.items.map((item) => (ids === 'all' || ids.includes(item.id) ? { ...item, read: true } : item));
        const newlyRead = data.items.filter((item) => !item.read && (ids === 'all' || ids.includes(item.id))).length;
        return { items, unread: ids === 'all' ? 0 : Math.max(0, data.unread - newlyRead) };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.list(workspaceId) }),
  });
}
