// A post's links on each channel, with the clicks on their short links: people
// and bots (crawlers, link previews) apart. Shows nothing for a post without links.
import { Anchor, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PostLinksView } from '../../shared/short-links.ts';
import { api, apiPath } from '../api/client.ts';
import { QueryError } from '../ui/states.tsx';

export function usePostLinks(workspaceId: string, postId: string) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'posts', postId, 'links'],
    queryFn: () => api.get<PostLinksView>(apiPath`/api/workspaces/${workspaceId}/posts/${postId}/links`),
    // Clicks come in while the panel is open.
    refetchInterval: 60_000,
  });
}

export function LinkStats({ workspaceId, postId }: { workspaceId: string; postId: string }) {
  const { t, i18n } = useTranslation();
  const links = usePostLinks(workspaceId, postId);
  const number = new Intl.NumberFormat(i18n.language);
  if (links.isPending) return <Skeleton height={80} radius="md" />;
  if (links.isError) return <QueryError error={links.error} onRetry={() => void links.refetch()} />;
  if (links.data.links.length === 0) return null;
  const tracked = links.data.links.some((link) => link.shortUrl !== null);

  return (
    <Stack gap="xs" data-testid="link-stats">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {t('links.statsTitle')}
        </Text>
        {tracked && (
          <Text size="sm" data-testid="link-stats-total">
            {t('links.clicksCount', { count: links.data.clicks, formatted: number.format(links.data.clicks) })}
          </Text>
        )}
      </Group>
      <Stack gap={0}>
        {links.data.links.map((link, index) => (
          <Group key={link.id} justify="space-between" align="flex-start" wrap="nowrap" gap="md" py={8} style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined} data-testid="link-stats-row">
            <Stack gap={0} miw={0} style={{ flex: 1 }}>
              <Text size="xs" c="dimmed" truncate="end">
                @{link.handle}
              </Text>
              <Anchor href={link.destination} target="_blank" rel="noopener noreferrer" size="sm" truncate="end" title={link.destination}>
                {link.url}
              </Anchor>
              <Text size="xs" c="dimmed" truncate="end">
                {link.shortUrl ?? t('links.notShortened')}
              </Text>
            </Stack>
            {link.shortUrl && (
              <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                <Text size="sm" fw={600}>
                  {t('links.clicksCount', { count: link.clicks, formatted: number.format(link.clicks) })}
                </Text>
                <Tooltip label={t('links.botsHelp')} withArrow>
                  <Text size="xs" c="dimmed">
                    {t('links.botsCount', { count: link.botClicks, formatted: number.format(link.botClicks) })}
                  </Text>
                </Tooltip>
              </Stack>
            )}
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
