// Page scaffolding: a title with its description and actions, the tab title,
// and the titled blocks of a settings page.
import type { FormEvent, ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { FormError } from './FormError.tsx';

export function usePageTitle(title: string): void {
  useDocumentTitle(title ? `${title} · Relais` : 'Relais');
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  usePageTitle(title);
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="lg">
      <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Title order={2} fz={{ base: 22, sm: 26 }} fw={650}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" maw={640}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

/** A titled block of a settings page. */
export function Section({ title, description, children }: { title?: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="md">
      {(title || description) && (
        <Stack gap={2}>
          {title && (
            <Title order={3} fz="lg" fw={600}>
              {title}
            </Title>
          )}
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </Stack>
      )}
      {children}
    </Stack>
  );
}

/** A Section that is a form: the server's error for it (if any), then its fields. */
export function FormSection({
  title,
  description,
  error,
  onSubmit,
  children,
}: {
  title: string;
  description?: ReactNode;
  error: Error | null | undefined;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Section title={title} description={description}>
        <FormError error={error} />
        {children}
      </Section>
    </form>
  );
}
