// The crisis switch: pause every publication of the workspace at once (nothing
// scheduled goes out until someone resumes), and resume. Approvers only.
import { useState } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../shared/api-types.ts';
import { can } from '../../../shared/roles.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.tsx';
import { usePublishingSettings, useUpdatePublishingSettings } from '../publishing-api.ts';

export function usePauseControl(workspace: Workspace) {
  const { t } = useTranslation();
  const update = useUpdatePublishingSettings(workspace.id);
  const set = (paused: boolean, done?: () => void) =>
    update.mutate(
      { paused },
      {
        onSuccess: () => {
          notifySuccess(paused ? t('publishing.pause.paused') : t('publishing.pause.resumed'));
          done?.();
        },
        onError: (error) => notifyError(error),
      },
    );
  return { set, pending: update.isPending };
}

export function PauseSwitch({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const settings = usePublishingSettings(workspace.id);
  const control = usePauseControl(workspace);
  const [confirming, setConfirming] = useState(false);
  if (!can(workspace.role, 'content:publish') || !settings.data) return null;
  if (settings.data.paused) {
    return (
      <Button variant="filled" color="teal" loading={control.pending} onClick={() => control.set(false)} data-testid="resume-publishing">
        {t('publishing.pause.resume')}
      </Button>
    );
  }
  return (
    <>
      <Button variant="light" color="red" onClick={() => setConfirming(true)} data-testid="pause-publishing">
        {t('publishing.pause.pause')}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t('publishing.pause.confirmTitle')}
        confirmLabel={t('publishing.pause.confirm')}
        loading={control.pending}
        onConfirm={() => control.set(true, () => setConfirming(false))}
        onClose={() => setConfirming(false)}
      >
        {t('publishing.pause.confirmText', { workspace: workspace.name })}
      </ConfirmModal>
    </>
  );
}
