// App-wide providers: data cache, Mantine theme (light/dark remembered), toasts.
import type { ReactNode } from 'react';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from '../api/client.ts';
import { queryKeys } from '../api/keys.ts';
import { theme } from './theme.ts';

const publicQueries = new Set(['me', 'setup', 'public-invitation']);

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
  queryCache: new QueryCache({
    // A 401 on a signed-in page means the session ended: back to the login page.
    onError: (error, query) => {
      if (isApiError(error, 401) && !publicQueries.has(String(query.queryKey[0]))) {
        queryClient.setQueryData(queryKeys.me, null);
      }
    },
  }),
});

const colorSchemeManager = localStorageColorSchemeManager({ key: 'relais.color-scheme' });

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
        <Notifications position="bottom-right" zIndex={1000} autoClose={4000} />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
