// Publishing → Settings: the crisis pause and whether every image must carry a
// description (alt text) before a post can be scheduled; short links.
import { Paper, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/roles.ts';
import { notifyError } from '../../ui/notify.tsx';
import { PageHeader, Section } from '../../ui/page.tsx';
import { FormSkeleton, QueryError } from '../../ui/states.tsx';
import { useCurrentWorkspace } from '../../workspaces/context.ts';
import { usePublishingSettings, useUpdatePublishingSettings } from '../publishing-api.ts';
import { PauseSwitch } from './PauseSwitch.tsx';
import { LinkSettings } from '../LinkSettings.tsx';

export function PublishingSettingsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const settings = usePublishingSettings(workspace.id);
  const update = useUpdatePublishingSettings(workspace.id);
  const manage = can(workspace.role, 'content:publish');

  return (
    <>
      <PageHeader title={t('publishing.settings.title')} description={t('publishing.settings.description')} />
      <Paper withBorder radius="md" p="lg" shadow="xs">
        {settings.isPending ? (
          <FormSkeleton fields={2} />
        ) : settings.isError ? (
          <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <Stack gap="xl">
            <Section title={t('publishing.settings.pauseTitle')} description={t('publishing.settings.pauseText')}>
              <div>
                <PauseSwitch workspace={workspace} />
              </div>
            </Section>
            <Section title={t('publishing.settings.altTitle')}>
              <Switch
                checked={settings.data.requireAltText}
                disabled={!manage || update.isPending}
                onChange={(event) => update.mutate({ requireAltText: event.currentTarget.checked }, { onError: (error) => notifyError(error) })}
                label={t('publishing.settings.altLabel')}
                description={t('publishing.settings.altText')}
                data-testid="require-alt-text"
              />
            </Section>
            <Section title={t('links.shortenTitle')}>
              <LinkSettings workspace={workspace} />
            </Section>
          </Stack>
        )}
      </Paper>
    </>
  );
}
