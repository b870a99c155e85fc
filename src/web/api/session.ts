// The signed-in person and the session: /api/me, first-run set-up, sign-in/out.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordRequest,
  CurrentUser,
  MeResponse,
  SetupRequest,
  SetupStatus,
  UpdateMeRequest,
} from '../../shared/api-types.ts';
import type { Locale } from '../../shared/locales.ts';
import { api, isApiError } from './client.ts';
import { queryKeys } from './keys.ts';

/** The current person and their workspaces, or null when logged out. */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    return await api.get<MeResponse>('/api/me');
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 60_000 });
}

/** Forgets what belonged to the previous session (keeps set-up state and public invitations). */
function clearAccountData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => !['setup', 'public-invitation'].includes(String(query.queryKey[0])) });
}

/** Drops every cached answer and loads the session again (after sign-in, sign-out, set-up). */
export async function refreshSession(queryClient: QueryClient): Promise<MeResponse | null> {
  clearAccountData(queryClient);
  return queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 0 });
}

export function useSetupStatus() {
  return useQuery({ queryKey: queryKeys.setup, queryFn: () => api.get<SetupStatus>('/api/setup'), staleTime: 30_000 });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupRequest) => api.post<{ user: CurrentUser }>('/api/setup', body),
    onSuccess: async () => {
      await refreshSession(queryClient);
      queryClient.setQueryData<SetupStatus>(queryKeys.setup, { needsSetup: false });
    },
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<unknown>('/api/auth/sign-in/email', body),
    onSuccess: () => refreshSession(queryClient),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/sign-out', {}),
    onSettled: () => {
      clearAccountData(queryClient);
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) =>
      api.post<unknown>('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { newPassword: string; token: string }) => api.post<unknown>('/api/auth/reset-password', body),
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeRequest) => api.patch<{ user: CurrentUser }>('/api/me', body),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<MeResponse | null>(queryKeys.me, (me) => (me ? { ...me, user: { ...me.user, ...user } } : me));
    },
  });
}

/**
 * Saves the interface language to the profile. The cache is updated at once
 * (answers are not written back, so quick switches end on the last choice) and
 * the request outlives a page change that follows right away.
 */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    onMutate: (locale: Locale) => {
      queryClient.setQueryData<MeResponse | null>(queryKeys.me, (me) => (me ? { ...me, user: { ...me.user, locale } } : me));
    },
    mutationFn: (locale: Locale) => api.patch<{ user: CurrentUser }>('/api/me', { locale }, { keepalive: true }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post('/api/me/password', body),
  });
}
