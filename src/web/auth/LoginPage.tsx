// Log in with email and password.
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe, useSetupStatus, useSignIn } from '../api/session.ts';
import { safeNext } from '../app/guards.tsx';
import { AuthCard } from '../app/PublicLayout.tsx';
import { FormError } from '../ui/FormError.tsx';
import { IconCircleCheck } from '../ui/icons.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const status = useSetupStatus();
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);

  if (status.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!email.trim() || !password) return;
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <AuthCard title={t('login.title')} subtitle={t('login.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {params.get('reset') === 'success' && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck />} data-testid="reset-success">
              {t('login.resetDone')}
            </Alert>
          )}
          {next.startsWith('/invite/') && !signIn.error && (
            <Alert color="relais" variant="light">
              {t('login.toAcceptInvitation')}
            </Alert>
          )}
          <FormError error={signIn.error} />
          <TextInput
            label={t('fields.email')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            autoComplete="username"
            error={checked && !email.trim() ? t('validation.required') : null}
            required
            data-autofocus
          />
          <Stack gap={6}>
            <PasswordInput
              label={t('fields.password')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              autoComplete="current-password"
              error={checked && !password ? t('validation.required') : null}
              required
            />
            <Group justify="flex-end">
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('login.forgot')}
              </Anchor>
            </Group>
          </Stack>
          <Button type="submit" loading={signIn.isPending} fullWidth size="md">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
