// Ask for a password-reset link by email.
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../api/session.ts';
import { AuthCard } from '../app/PublicLayout.tsx';
import { FormError } from '../ui/FormError.tsx';
import { IconMail } from '../ui/icons.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [checked, setChecked] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!email.trim()) return;
    request.mutate(email.trim());
  };

  return (
    <AuthCard title={t('forgot.title')} subtitle={request.isSuccess ? undefined : t('forgot.subtitle')}>
      {request.isSuccess ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconMail />} title={t('forgot.sentTitle')} data-testid="reset-link-sent">
            {t('forgot.sent', { email: email.trim() })}
          </Alert>
          <Anchor component={Link} to="/login" size="sm">
            {t('forgot.backToLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError error={request.error} />
            <TextInput
              label={t('fields.email')}
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              autoComplete="email"
              error={checked && !email.trim() ? t('validation.required') : null}
              required
              data-autofocus
            />
            <Button type="submit" loading={request.isPending} fullWidth size="md">
              {t('forgot.submit')}
            </Button>
            <Text size="sm" ta="center">
              <Anchor component={Link} to="/login">
                {t('forgot.backToLogin')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
