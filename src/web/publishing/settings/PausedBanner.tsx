// While publishing is paused, a red banner on every page of the workspace says
// so, since when and by whom; approvers can resume from it.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/roles.ts';
import { IconAlert } from '../../ui/icons.tsx';
import { useCurrentWorkspace } from '../../workspaces/context.ts';
import { usePublishingSettings } from '../publishing-api.ts';
import { useZonedFormat } from '../zoned-time.ts';
import { usePauseControl } from './PauseSwitch.tsx';

export function PausedBanner() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const settings = usePublishingSettings(workspace.id);
  const control = usePauseControl(workspace);
  const zoned = useZonedFormat(workspace.timeZone);
  if (!settings.data?.paused) return null;
  const { pausedAt, pausedBy } = settings.data;
  return (
    <Alert color="red" variant="filled" icon={<IconAlert />} mb="lg" className="relais-paused-banner" role="alert" data-testid="paused-banner">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <div>
          <Text fw={700} size="sm">
            {t('publishing.pause.bannerTitle')}
          </Text>
          <Text size="sm">
            {pausedBy && pausedAt
              ? t('publishing.pause.bannerBy', { name: pausedBy, time: zoned.dateTime(pausedAt) })
              : t('publishing.pause.bannerText')}
          </Text>
        </div>
        {can(workspace.role, 'content:publish') && (
          <Button variant="white" color="red" size="xs" loading={control.pending} onClick={() => control.set(false)} data-testid="banner-resume">
            {t('publishing.pause.resume')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
