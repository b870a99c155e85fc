// "New password" + "Confirm password", with a strength meter matching the server's rule.
import { Box, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { minPasswordLength, strengthOf, type Strength } from './password-strength.ts';

const levels: Record<Strength, { bars: number; color: string }> = {
  empty: { bars: 0, color: 'gray' },
  tooShort: { bars: 1, color: 'red' },
  weak: { bars: 1, color: 'red' },
  fair: { bars: 2, color: 'orange' },
  good: { bars: 3, color: 'teal' },
  strong: { bars: 4, color: 'green' },
};

export function PasswordStrengthMeter({ password, score }: { password: string; score: number | null }) {
  const { t } = useTranslation();
  const strength = strengthOf(password, score);
  const level = levels[strength];
  return (
    <Stack gap={6} data-testid="password-strength" data-strength={strength} aria-live="polite">
      <Group gap={6} grow wrap="nowrap" aria-hidden="true">
        {[0, 1, 2, 3].map((index) => (
          <Box
            key={index}
            h={4}
            style={{
              borderRadius: 4,
              transition: 'background-color 150ms ease',
              background:
                index < level.bars
                  ? `var(--mantine-color-${level.color}-filled)`
                  : 'light-dark(var(--mantine-color-gray-2), var(--mantine-color-dark-4))',
            }}
          />
        ))}
      </Group>
      <Text size="xs" c={strength === 'empty' ? 'dimmed' : `${level.color}.7`}>
        {strength === 'empty'
          ? t('password.hint', { min: minPasswordLength })
          : t(`password.strength.${strength}`, { min: minPasswordLength })}
      </Text>
    </Stack>
  );
}

export function NewPasswordFields({
  password,
  confirm,
  score,
  onPasswordChange,
  onConfirmChange,
  passwordError,
  confirmError,
  passwordLabel,
}: {
  password: string;
  confirm: string;
  score: number | null;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  passwordError?: string | null;
  confirmError?: string | null;
  passwordLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Stack gap={8}>
        <PasswordInput
          label={passwordLabel ?? t('password.new')}
          value={password}
          onChange={(event) => onPasswordChange(event.currentTarget.value)}
          autoComplete="new-password"
          error={passwordError}
          required
        />
        <PasswordStrengthMeter password={password} score={score} />
      </Stack>
      <PasswordInput
        label={t('password.confirm')}
        value={confirm}
        onChange={(event) => onConfirmChange(event.currentTarget.value)}
        autoComplete="new-password"
        error={confirmError}
        required
      />
    </>
  );
}
