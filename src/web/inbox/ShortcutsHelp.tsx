// The keyboard shortcuts, listed when the person presses "?" (or the hint).
import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const shortcutKeys: Array<{ keys: string[]; action: string }> = [
  { keys: ['j'], action: 'next' },
  { keys: ['k'], action: 'previous' },
  { keys: ['e'], action: 'done' },
  { keys: ['r'], action: 'reply' },
  { keys: ['a'], action: 'assign' },
  { keys: ['s'], action: 'snooze' },
  { keys: ['t', '#'], action: 'tag' },
  { keys: ['x'], action: 'select' },
  { keys: ['/'], action: 'search' },
  { keys: ['?'], action: 'help' },
];

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('inbox.shortcuts.title')} size="sm" data-testid="inbox-shortcuts-help">
      <Stack gap={8}>
        {shortcutKeys.map(({ keys, action }) => (
          <Group key={action} justify="space-between" wrap="nowrap">
            <Text size="sm">{t(`inbox.shortcuts.${action}`)}</Text>
            <Group gap={4} wrap="nowrap">
              {keys.map((key, index) => (
                <Group key={key} gap={4} wrap="nowrap">
                  {index > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('inbox.shortcuts.or')}
                    </Text>
                  )}
                  <Kbd>{key}</Kbd>
                </Group>
              ))}
            </Group>
          </Group>
        ))}
        <Text size="xs" c="dimmed" mt="xs">
          {t('inbox.shortcuts.typing')}
        </Text>
      </Stack>
    </Modal>
  );
}
