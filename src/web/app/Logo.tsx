// The Relais wordmark.
import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { IconRelay } from '../ui/icons.tsx';

export function Logo({ to = '/', compact = false }: { to?: string; compact?: boolean }) {
  return (
    <UnstyledButton component={Link} to={to} aria-label="Relais" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <Group gap={10} wrap="nowrap">
        <ThemeIcon size={32} radius="md" variant="gradient" gradient={{ from: 'relais.6', to: 'blue.6', deg: 135 }}>
          <IconRelay size={20} strokeWidth={2.4} />
        </ThemeIcon>
        {!compact && (
          <Text fw={750} fz={19} style={{ letterSpacing: '-0.02em' }} aria-hidden="true">
            Relais
          </Text>
        )}
      </Group>
    </UnstyledButton>
  );
}
