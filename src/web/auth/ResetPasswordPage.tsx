// Choose a new password from the emailed link (/reset-password?token=…).
import type { FormEvent } from 'react';
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useResetPassword } from '../api/session.ts';
import { AuthCard } from '../app/PublicLayout.tsx';
import { FormError } from '../ui/FormError.tsx';
import { IconAlert } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { useNewPassword } from './use-new-password.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token');
  const reset = useResetPassword();
  const newPassword = useNewPassword();

  if (!token || params.get('error')) {
    return (
      <AuthCard title={t('reset.title')}>
        <Stack gap="md">
          <Alert color="red" variant="light" icon={<IconAlert />} title={t('reset.invalidTitle')} data-testid="reset-invalid">
            {t('reset.invalid')}
          </Alert>
          <Button component={Link} to="/forgot-password" variant="light">
            {t('reset.askAgain')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!newPassword.validate()) return;
    reset.mutate(
      { newPassword: newPassword.password, token },
      {
        onSuccess: () => {
          notifySuccess(t('reset.success'));
          navigate('/login?reset=success', { replace: true });
        },
      },
    );
  };

  return (
    <AuthCard title={t('reset.title')} subtitle={t('reset.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={reset.error} />
          <NewPasswordFields {...newPassword.fieldProps} />
          <Button type="submit" loading={reset.isPending} fullWidth size="md">
            {t('reset.submit')}
          </Button>
          <Anchor component={Link} to="/login" size="sm" ta="center">
            {t('forgot.backToLogin')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
