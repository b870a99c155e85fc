// Shown when the current role cannot use a page (the API would answer 403).
import { Button, EmptyState, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconLock } from '../ui/icons.tsx';
import { usePageTitle } from '../ui/page.tsx';

export function NoAccess() {
  const { t } = useTranslation();
  usePageTitle(t('noAccess.title'));
  return (
    <Paper withBorder radius="md" p="xl" data-testid="no-access">
      <EmptyState
        py="xl"
        variant="light"
        color="orange"
        icon={<IconLock size={26} />}
        title={t('noAccess.title')}
        description={t('noAccess.description')}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/" variant="default">
            {t('noAccess.back')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
