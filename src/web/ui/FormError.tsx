// The server's message for a failed form, above the form.
import { Alert } from '@mantine/core';
import { IconAlert } from './icons.tsx';

export function FormError({ error }: { error: Error | null | undefined }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} role="alert" data-testid="form-error">
      {error.message}
    </Alert>
  );
}
