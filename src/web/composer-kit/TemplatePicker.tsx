// "Insert a template": the workspace's saved templates, searchable; picking
// one hands its text (placeholders such as {{first_name}} included) to the composer.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { templateVariables } from '../../shared/composer/kit-types.ts';
import { useTemplates } from '../api/templates.ts';
import { IconTemplate } from '../ui/icons.tsx';
import { PickerMenu } from './PickerMenu.tsx';

export function TemplatePicker({ workspaceId, onPick }: { workspaceId: string; onPick: (text: string) => void }) {
  const { t } = useTranslation();
  const templates = useTemplates(workspaceId);
  return (
    <PickerMenu
      label={t('composerKit.templatePicker.label')}
      icon={<IconTemplate size={16} />}
      testId="template-picker"
      loading={templates.isPending}
      emptyText={templates.isError ? templates.error.message : t('composerKit.templatePicker.empty')}
      searchPlaceholder={t('composerKit.templatePicker.search')}
      items={templates.data?.map((template) => ({
        id: template.id,
        searchText: `${template.name} ${template.text}`,
        content: (
          <Stack gap={2} data-testid="template-option">
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={600} truncate>
                {template.name}
              </Text>
              <Badge size="xs" variant="light" color="gray">
                {template.language.toUpperCase()}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {template.text}
            </Text>
            {templateVariables(template.text).length > 0 && (
              <Text size="xs" c="dimmed">
                {t('composerKit.templatePicker.fillIn', { names: templateVariables(template.text).join(', ') })}
              </Text>
            )}
          </Stack>
        ),
      }))}
      onPick={(id) => {
        const template = templates.data?.find((candidate) => candidate.id === id);
        if (template) onPick(template.text);
      }}
    />
  );
}
