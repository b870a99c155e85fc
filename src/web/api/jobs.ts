// Background jobs that failed for good (instance administrators only).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeadJob } from '../../shared/api-types.ts';
import { api, apiPath } from './client.ts';
import { queryKeys } from './keys.ts';

export function useDeadJobs() {
  return useQuery({
    queryKey: queryKeys.deadJobs,
    queryFn: async () => (await api.get<{ jobs: DeadJob[] }>('/api/admin/jobs')).jobs,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string | number) => api.post(apiPath`/api/admin/jobs/${jobId}/retry`, {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.deadJobs }),
  });
}
