// Profile: name, language and time zone; change password.
import { useState, type FormEvent } from 'react';
import { Button, Group, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../shared/api-types.ts';
import { pickLocale, type Locale } from '../../shared/locales.ts';
import { useChangePassword, useMe, useUpdateMe } from '../api/session.ts';
import { NewPasswordFields } from '../auth/NewPasswordFields.tsx';
import { useNewPassword } from '../auth/use-new-password.ts';
import { LanguageSelect, TimeZoneSelect } from '../ui/fields.tsx';
import { browserTimeZone } from '../ui/format.ts';
import { notifySuccess } from '../ui/notify.tsx';
import { FormSection, PageHeader } from '../ui/page.tsx';
import { Panel } from '../ui/states.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <Stack gap="xl">
        <Panel>
          <ProfileForm key={`${me.user.id}:${me.user.locale}`} user={me.user} />
        </Panel>
        <Panel>
          <PasswordForm user={me.user} />
        </Panel>
      </Stack>
    </>
  );
}

function ProfileForm({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateMe();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Locale>(user.locale ?? pickLocale(i18n.language));
  const [timeZone, setTimeZone] = useState(user.timeZone ?? browserTimeZone());
  const [checked, setChecked] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!name.trim()) return;
    update.mutate(
      { name: name.trim(), locale, timeZone },
      {
        onSuccess: () => {
          void i18n.changeLanguage(locale);
          notifySuccess(t('profile.saved', { lng: locale }));
        },
      },
    );
  };

  return (
    <FormSection title={t('profile.personal')} description={t('profile.personalHint')} error={update.error} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <TextInput
          label={t('fields.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={checked && !name.trim() ? t('validation.required') : null}
          autoComplete="name"
          required
        />
        <TextInput label={t('fields.email')} value={user.email} readOnly variant="filled" description={t('profile.emailHint')} />
        <LanguageSelect label={t('fields.language')} value={locale} onChange={setLocale} />
        <TimeZoneSelect label={t('fields.timeZone')} description={t('profile.timeZoneHint')} value={timeZone} onChange={setTimeZone} />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button type="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </FormSection>
  );
}

function PasswordForm({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [checked, setChecked] = useState(false);
  const newPassword = useNewPassword([user.name, user.email]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const ok = newPassword.validate();
    if (!current || !ok) return;
    change.mutate(
      { currentPassword: current, newPassword: newPassword.password },
      {
        onSuccess: () => {
          notifySuccess(t('profile.passwordChanged'));
          setCurrent('');
          setChecked(false);
          newPassword.reset();
        },
      },
    );
  };

  return (
    <FormSection title={t('profile.password')} description={t('profile.passwordHint')} error={change.error} onSubmit={submit}>
      <Stack gap="md" maw={420}>
        <PasswordInput
          label={t('password.current')}
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          autoComplete="current-password"
          error={checked && !current ? t('validation.required') : null}
          required
        />
        <NewPasswordFields {...newPassword.fieldProps} />
      </Stack>
      <Group justify="flex-end">
        <Button type="submit" loading={change.isPending}>
          {t('profile.changePassword')}
        </Button>
      </Group>
    </FormSection>
  );
}
