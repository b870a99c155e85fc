// Loading, empty and error states shared by every page.
import type { ReactNode } from 'react';
import { Alert, Button, EmptyState, Paper, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { NoAccess } from '../app/NoAccess.tsx';
import { NotFound } from '../app/NotFound.tsx';
import { IconAlert, IconInbox } from './icons.tsx';

export function TableSkeleton({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={14} width="40%" radius="sm" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

export function FormSkeleton({ fields = 3 }: { fields?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" aria-busy="true" aria-label={t('common.loading')}>
      {Array.from({ length: fields }, (_, index) => (
        <Stack key={index} gap={6}>
          <Skeleton height={12} width={120} radius="sm" />
          <Skeleton height={36} radius="sm" />
        </Stack>
      ))}
      <Skeleton height={36} width={140} radius="sm" />
    </Stack>
  );
}

/** What to show when a query failed: no access, not found, or the error with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error, 403)) return <NoAccess />;
  if (isApiError(error, 404)) return <NotFound />;
  return (
    <Alert color="red" variant="light" title={t('errors.loadFailed')} icon={<IconAlert />} role="alert">
      <Stack gap="sm" align="flex-start">
        {error instanceof Error ? error.message : t('errors.unexpected')}
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function Empty({ title, description, icon, children }: { title: string; description?: ReactNode; icon?: ReactNode; children?: ReactNode }) {
  return (
    <EmptyState
      py="xl"
      variant="light"
      icon={icon ?? <IconInbox size={26} />}
      title={title}
      description={description}
      data-testid="empty-state"
    >
      {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
    </EmptyState>
  );
}

/** The bordered surface holding a page's table or form. */
export function Panel({ children, padding = 'lg' }: { children: ReactNode; padding?: 'lg' | 0 }) {
  return (
    <Paper withBorder radius="md" p={padding} shadow="xs" style={{ overflow: 'hidden' }}>
      {children}
    </Paper>
  );
}
