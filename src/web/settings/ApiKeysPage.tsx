// API keys: list, create (the secret is shown once), revoke.
import { useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Code, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiKey, CreatedApiKey } from '../../shared/api-types.ts';
import { assignableRoles, type WorkspaceRole } from '../../shared/roles.ts';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../api/api-keys.ts';
import { ConfirmModal } from '../ui/ConfirmModal.tsx';
import { CopyField } from '../ui/copy.tsx';
import { Dialog, DialogFormActions } from '../ui/dialog.tsx';
import { RoleBadge, RoleSelect } from '../ui/fields.tsx';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { IconAlert, IconKey, IconPlus, IconTrash } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { QueryTable } from '../ui/QueryTable.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';

export function ApiKeysPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const apiKeys = useApiKeys(workspace.id);
  const revoke = useRevokeApiKey(workspace.id);
  const format = useFormatters();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    const apiKey = revoking;
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        notifySuccess(t('apiKeys.revoked', { name: apiKey.name }));
        setRevoking(null);
      },
      onError: (error) => {
        notifyError(error);
        setRevoking(null);
      },
    });
  };

  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('apiKeys.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.description')} actions={createButton} />
      <QueryTable
        query={apiKeys}
        items={apiKeys.data}
        label={t('apiKeys.title')}
        columns={[t('common.name'), t('apiKeys.key'), t('fields.role'), t('apiKeys.created'), t('apiKeys.lastUsed'), t('apiKeys.createdBy')]}
        actions
        minWidth={820}
        skeletonRows={3}
        empty={{ icon: <IconKey size={26} />, title: t('apiKeys.emptyTitle'), description: t('apiKeys.emptyDescription') }}
        renderRow={(apiKey) => (
          <Table.Tr key={apiKey.id} data-testid="api-key-row" data-name={apiKey.name}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {apiKey.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Code>{apiKey.prefix}…</Code>
            </Table.Td>
            <Table.Td>
              <RoleBadge role={apiKey.role} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {format.date(apiKey.createdAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              {apiKey.lastUsedAt ? (
                <RelativeTime iso={apiKey.lastUsedAt} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('apiKeys.never')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {apiKey.createdByName ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Tooltip label={t('apiKeys.revoke')} withArrow>
                <ActionIcon variant="subtle" color="red" aria-label={t('apiKeys.revokeNamed', { name: apiKey.name })} onClick={() => setRevoking(apiKey)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <CreateApiKeyModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('apiKeys.revokeTitle')}
        confirmLabel={t('apiKeys.revokeConfirm')}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      >
        {t('apiKeys.revokeText', { name: revoking?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}

function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={close} title={created ? t('apiKeys.createdTitle') : t('apiKeys.createTitle')} size="lg" closeOnClickOutside={!created}>
      {created ? <SecretView created={created} onDone={close} /> : opened && <CreateApiKeyForm onCreated={setCreated} onCancel={close} />}
    </Dialog>
  );
}

function CreateApiKeyForm({ onCreated, onCancel }: { onCreated: (created: CreatedApiKey) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const create = useCreateApiKey(workspace.id);
  // A key can never be an owner.
  const roles = assignableRoles(workspace.role).filter((r) => r !== 'owner');
  const [name, setName] = useState('');
  const [role, setRole] = useState<WorkspaceRole>(roles.includes('editor') ? 'editor' : roles[roles.length - 1]);
  const [checked, setChecked] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), role }, { onSuccess: onCreated });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('apiKeys.createHint')}
        </Text>
        <FormError error={create.error} />
        <TextInput
          label={t('apiKeys.name')}
          placeholder={t('apiKeys.namePlaceholder')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={checked && !name.trim() ? t('validation.required') : null}
          required
          data-autofocus
          maxLength={80}
        />
        <RoleSelect label={t('fields.role')} roles={roles} value={role} onChange={setRole} />
        <DialogFormActions submitLabel={t('apiKeys.createSubmit')} pending={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function SecretView({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="api-key-created">
      <Alert color="orange" variant="light" icon={<IconAlert />} title={t('apiKeys.onceTitle')}>
        {t('apiKeys.onceText')}
      </Alert>
      <CopyField label={t('apiKeys.secretLabel', { name: created.apiKey.name })} value={created.secret} testId="api-key-secret" monospace />
      <Text size="xs" c="dimmed">
        {t('apiKeys.usage')} <Code>Authorization: Bearer {created.apiKey.prefix}…</Code>
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('apiKeys.done')}</Button>
      </Group>
    </Stack>
  );
}
