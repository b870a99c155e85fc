// The composer as a large dialog over any page of a workspace (full screen on
// a phone), opened by the header's "Create post" button or by a link.
import '../publishing.css';
import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../shared/api-types.ts';
import { can } from '../../../shared/roles.ts';
import { Composer } from './Composer.tsx';
import { useComposerRequest } from './open-composer.ts';

export function ComposerModal({ workspace }: { workspace: Workspace | null }) {
  const { t } = useTranslation();
  const request = useComposerRequest();
  const phone = !useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const opened = request.opened && workspace !== null && can(workspace.role, 'content:write');
  return (
    <Modal
      opened={opened}
      onClose={request.close}
      title={request.postId ? t('publishing.composer.editTitle') : t('publishing.composer.title')}
      size="min(1180px, 96vw)"
      fullScreen={phone}
      radius={phone ? 0 : 'md'}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
      padding={phone ? 'md' : 'xl'}
      styles={{ title: { fontWeight: 650, fontSize: 20 } }}
      data-testid="composer-modal"
    >
      {opened && <Composer workspace={workspace} postId={request.postId} initialAt={request.at} onDone={request.close} onCancel={request.close} />}
    </Modal>
  );
}
