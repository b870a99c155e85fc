// Publishing → Settings: "Shorten links". Links in posts become short links of
// this Relais that lead to the same page (with the campaign's UTM parameters)
// and count clicks per post and channel. Approvers only.
import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../shared/api-types.ts';
import { can } from '../../shared/roles.ts';
import { shortLinkUrl } from '../../shared/short-links.ts';
import { notifyError } from '../ui/notify.tsx';
import { usePublishingSettings, useUpdatePublishingSettings } from './publishing-api.ts';

export function LinkSettings({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const settings = usePublishingSettings(workspace.id);
  const update = useUpdatePublishingSettings(workspace.id);
  if (!settings.data) return null;
  return (
    <Switch
      checked={settings.data.shortenLinks}
      disabled={!can(workspace.role, 'content:publish') || update.isPending}
      onChange={(event) => update.mutate({ shortenLinks: event.currentTarget.checked }, { onError: (error) => notifyError(error) })}
      label={t('links.shortenLabel')}
      description={t('links.shortenText', { example: shortLinkUrl(window.location.origin, 'x7Kp2Qa') })}
      data-testid="shorten-links"
    />
  );
}
