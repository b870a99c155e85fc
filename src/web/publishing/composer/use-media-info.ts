// What the composer knows of the files a post uses: what the picker handed
// over, and for a saved post the library's answer for each file.
import { useCallback, useMemo, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { MediaView } from '../../../shared/api-types.ts';
import { api, apiPath } from '../../api/client.ts';
import type { MediaInfo } from './channel-checks.ts';

export function useMediaInfo(workspaceId: string, ids: readonly string[]) {
  const [picked, setPicked] = useState<Record<string, MediaView>>({});
  const unknown = ids.filter((id) => !picked[id]);
  const results = useQueries({
    queries: unknown.map((id) => ({
      queryKey: ['workspaces', workspaceId, 'media', id],
      queryFn: async () => (await api.get<{ media: MediaView }>(apiPath`/api/workspaces/${workspaceId}/media/${id}`)).media,
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const loading = results.some((r) => r.isPending);
  const fetched = results.map((r) => r.data);
  const key = fetched.map((m) => m?.id ?? '').join(',');
  const info = useMemo(() => {
    const all: MediaInfo = { ...picked };
    for (const media of fetched) if (media) all[media.id] = media;
    return all;
    // `key` stands for `fetched`, a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picked, key]);
  const remember = useCallback((media: MediaView[]) => setPicked((current) => ({ ...current, ...Object.fromEntries(media.map((m) => [m.id, m])) })), []);
  return { info, loading, remember };
}
