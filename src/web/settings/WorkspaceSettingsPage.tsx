// Workspace settings: name, language, time zone (read-only without 'workspace:update').
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../shared/api-types.ts';
import { can } from '../../shared/roles.ts';
import { useUpdateWorkspace, useWorkspaceDetails } from '../api/workspaces.ts';
import { LanguageSelect, RoleBadge, TimeZoneSelect } from '../ui/fields.tsx';
import { IconLock } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.tsx';
import { FormSection, PageHeader } from '../ui/page.tsx';
import { FormSkeleton, Panel, QueryError } from '../ui/states.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';

export function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const current = useCurrentWorkspace();
  const details = useWorkspaceDetails(current.id);
  return (
    <>
      <PageHeader title={t('workspace.title')} description={t('workspace.description')} />
      <Panel>
        {details.isPending ? (
          <FormSkeleton fields={3} />
        ) : details.isError ? (
          <QueryError error={details.error} onRetry={() => void details.refetch()} />
        ) : (
          <WorkspaceForm key={`${details.data.id}:${details.dataUpdatedAt}`} workspace={{ ...details.data, role: current.role }} />
        )}
      </Panel>
    </>
  );
}

function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const update = useUpdateWorkspace(workspace.id);
  const editable = can(workspace.role, 'workspace:update');
  const [name, setName] = useState(workspace.name);
  const [language, setLanguage] = useState(workspace.language);
  const [timeZone, setTimeZone] = useState(workspace.timeZone);
  const [checked, setChecked] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!editable || !name.trim()) return;
    update.mutate({ name: name.trim(), language, timeZone }, { onSuccess: () => notifySuccess(t('workspace.saved')) });
  };

  return (
    <FormSection title={t('workspace.general')} description={t('workspace.generalHint')} error={update.error} onSubmit={submit}>
      {!editable && (
        <Alert color="gray" variant="light" icon={<IconLock />} data-testid="workspace-read-only">
          {t('workspace.readOnly')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <TextInput
          label={t('workspaces.fields.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={checked && !name.trim() ? t('validation.required') : null}
          readOnly={!editable}
          variant={editable ? 'default' : 'filled'}
          required={editable}
          maxLength={80}
        />
        <TextInput label={t('workspace.slug')} value={workspace.slug} readOnly variant="filled" description={t('workspace.slugHint')} />
        <LanguageSelect
          label={t('workspaces.fields.language')}
          description={t('workspaces.fields.languageHint')}
          value={language}
          onChange={setLanguage}
          readOnly={!editable}
          variant={editable ? 'default' : 'filled'}
        />
        <TimeZoneSelect
          label={t('workspaces.fields.timeZone')}
          description={t('workspaces.fields.timeZoneHint')}
          value={timeZone}
          onChange={setTimeZone}
          readOnly={!editable}
          variant={editable ? 'default' : 'filled'}
        />
      </SimpleGrid>
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('workspace.yourRole')}
          </Text>
          <RoleBadge role={workspace.role} />
        </Group>
        {editable && (
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        )}
      </Group>
    </FormSection>
  );
}
