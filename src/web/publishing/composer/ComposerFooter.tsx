// The composer's last line: the autosave's state, Cancel, and the button that
// says what will happen (Publish now, Schedule, Add to queue, Save draft, or
// Submit for approval for a contributor).
import { Button, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconSend } from '../../ui/icons.tsx';
import type { ScheduleKind } from './draft.ts';
import { SaveIndicator } from './SaveIndicator.tsx';
import type { SaveStatus } from './use-post-saver.ts';

export function ComposerFooter({
  status,
  kind,
  canPublish,
  disabledReason,
  submitting,
  onSubmit,
  onCancel,
}: {
  status: SaveStatus;
  kind: ScheduleKind;
  canPublish: boolean;
  disabledReason: string | null;
  submitting: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const label = kind === 'draft' ? t('publishing.submit.draft') : canPublish ? t(`publishing.submit.${kind}`) : t('publishing.submit.approval');
  return (
    <Group justify="space-between" gap="sm" className="relais-composer-footer" wrap="wrap">
      <SaveIndicator status={status} />
      <Group gap="sm" ml="auto">
        <Button variant="default" onClick={onCancel} data-testid="composer-cancel">
          {t('publishing.composer.close')}
        </Button>
        <Tooltip label={disabledReason} disabled={!disabledReason} withArrow multiline w={260}>
          <Button
            onClick={onSubmit}
            loading={submitting}
            disabled={disabledReason !== null}
            leftSection={kind === 'draft' ? undefined : <IconSend size={16} />}
            data-testid="composer-submit"
            data-kind={kind}
          >
            {label}
          </Button>
        </Tooltip>
      </Group>
    </Group>
  );
}
