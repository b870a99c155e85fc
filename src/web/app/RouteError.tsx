// Last-resort screen when rendering a page throws.
import { Button, Center, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { IconAlert } from '../ui/icons.tsx';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Center mih="100dvh" p="md">
      <EmptyState variant="light" color="red" icon={<IconAlert size={26} />} title={t('errors.crashTitle')} description={t('errors.crashDescription')}>
        <EmptyState.Actions>
          <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
