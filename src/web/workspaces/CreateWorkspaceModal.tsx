// Dialog to create a workspace (instance administrators): name, language, time zone.
import { useState, type FormEvent } from 'react';
import { Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Locale } from '../../shared/locales.ts';
import { useCreateWorkspace } from '../api/workspaces.ts';
import { currentLocale } from '../i18n/index.ts';
import { Dialog, DialogFormActions } from '../ui/dialog.tsx';
import { defaultTimeZone, LanguageSelect, TimeZoneSelect } from '../ui/fields.tsx';
import { FormError } from '../ui/FormError.tsx';
import { notifySuccess } from '../ui/notify.tsx';
import { settingsPath } from './paths.ts';

export function CreateWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('workspaces.create.title')} size="md">
      {opened && <CreateWorkspaceForm onClose={onClose} />}
    </Dialog>
  );
}

function CreateWorkspaceForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateWorkspace();
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<Locale>(currentLocale());
  const [timeZone, setTimeZone] = useState(defaultTimeZone());
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('validation.required'));
      return;
    }
    create.mutate(
      { name: name.trim(), language, timeZone },
      {
        onSuccess: (workspace) => {
          notifySuccess(t('workspaces.create.success', { name: workspace.name }));
          onClose();
          navigate(settingsPath(workspace.id, 'workspace'));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('workspaces.create.description')}
        </Text>
        <FormError error={create.error} />
        <TextInput
          label={t('workspaces.fields.name')}
          placeholder={t('workspaces.fields.namePlaceholder')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setNameError(null);
          }}
          error={nameError}
          required
          data-autofocus
          maxLength={80}
        />
        <LanguageSelect
          label={t('workspaces.fields.language')}
          description={t('workspaces.fields.languageHint')}
          value={language}
          onChange={setLanguage}
        />
        <TimeZoneSelect label={t('workspaces.fields.timeZone')} description={t('workspaces.fields.timeZoneHint')} value={timeZone} onChange={setTimeZone} />
        <DialogFormActions submitLabel={t('workspaces.create.submit')} pending={create.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
