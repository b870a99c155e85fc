// Page scaffolding: a title with its description and actions, and the tab title.
import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

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
