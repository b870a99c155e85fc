// Shown for an unknown address or something that no longer exists.
import { Button, EmptyState, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconCompass } from '../ui/icons.tsx';
import { usePageTitle } from '../ui/page.tsx';

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Paper withBorder radius="md" p="xl" data-testid="not-found">
      <EmptyState py="xl" variant="light" icon={<IconCompass size={26} />} title={t('notFound.title')} description={t('notFound.description')}>
        <EmptyState.Actions>
          <Button component={Link} to="/" variant="default">
            {t('notFound.back')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
