// First run: create the first administrator of this Relais instance.
import { useState, type FormEvent } from 'react';
import { Button, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useMe, useSetup, useSetupStatus } from '../api/session.ts';
import { AuthCard } from '../app/PublicLayout.tsx';
import { FullPageLoader } from '../app/FullPageLoader.tsx';
import { currentLocale } from '../i18n/index.ts';
import { FormError } from '../ui/FormError.tsx';
import { QueryError } from '../ui/states.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { useNewPassword } from './use-new-password.ts';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const me = useMe();
  const setup = useSetup();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [checked, setChecked] = useState(false);
  const newPassword = useNewPassword([name, email]);

  if (status.isPending) return <FullPageLoader />;
  if (status.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data.needsSetup && !setup.isPending) return <Navigate to={me.data ? '/' : '/login'} replace />;

  const nameError = checked && !name.trim() ? t('validation.required') : null;
  const emailError = checked && !emailPattern.test(email.trim()) ? t('validation.email') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const passwordOk = newPassword.validate();
    if (!name.trim() || !emailPattern.test(email.trim()) || !passwordOk) return;
    setup.mutate(
      { name: name.trim(), email: email.trim(), password: newPassword.password, locale: currentLocale() },
      { onSuccess: () => navigate('/', { replace: true }) },
    );
  };

  return (
    <AuthCard title={t('setup.title')} subtitle={t('setup.subtitle')} width={480}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={setup.error} />
          <TextInput
            label={t('fields.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            autoComplete="name"
            error={nameError}
            required
            data-autofocus
          />
          <TextInput
            label={t('fields.email')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            autoComplete="email"
            error={emailError}
            required
          />
          <NewPasswordFields {...newPassword.fieldProps} passwordLabel={t('fields.password')} />
          <Button type="submit" loading={setup.isPending} fullWidth mt="xs" size="md">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
