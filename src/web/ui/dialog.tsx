// Dialogs: the app's modal (centred, rounded, a translated close button) and
// the footer of a form inside one.
import { Button, Group, Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Dialog(props: ModalProps) {
  const { t } = useTranslation();
  return <Modal centered radius="md" closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />;
}

/** Cancel, then the submit button; both wait while the form is being sent. */
export function DialogFormActions({ submitLabel, pending, onCancel }: { submitLabel: string; pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="sm">
      <Button variant="default" onClick={onCancel} disabled={pending}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </Group>
  );
}
