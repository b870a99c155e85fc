// State and validation of a "new password + confirmation" pair.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAcceptable, minPasswordLength, usePasswordScore } from './password-strength.ts';

export function useNewPassword(userInputs: string[] = []) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const score = usePasswordScore(password, userInputs);

  const passwordProblem = !password
    ? t('validation.required')
    : password.length < minPasswordLength
      ? t('password.tooShort', { min: minPasswordLength })
      : !isAcceptable(password, score)
        ? t('password.tooWeak')
        : null;
  const confirmProblem = confirm !== password ? t('password.mismatch') : null;

  return {
    password,
    /** Shows the errors and tells whether the pair may be sent. */
    validate: () => {
      setChecked(true);
      return !passwordProblem && !confirmProblem;
    },
    reset: () => {
      setPassword('');
      setConfirm('');
      setChecked(false);
    },
    fieldProps: {
      password,
      confirm,
      score,
      onPasswordChange: setPassword,
      onConfirmChange: setConfirm,
      passwordError: checked ? passwordProblem : null,
      confirmError: checked ? confirmProblem : null,
    },
  };
}
