// A saved post's content, read-only: the text, its media, the thread and the first reply.
import { Group, Image, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostContent } from '../../../shared/publishing.ts';

export function PostContentView({ content, workspaceId }: { content: PostContent; workspaceId: string }) {
  const { t } = useTranslation();
  const parts = [{ text: content.text, media: content.media }, ...content.thread];
  return (
    <Stack gap="sm">
      {parts.map((part, index) => (
        <Stack key={index} gap={6} pl={index > 0 ? 'sm' : 0} style={index > 0 ? { borderLeft: '2px solid var(--mantine-color-default-border)' } : undefined}>
          {index > 0 && (
            <Text size="xs" fw={600} c="dimmed">
              {t('publishing.parts.thread', { number: index + 1 })}
            </Text>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="post-detail-text">
            {part.text || '—'}
          </Text>
          {part.media.length > 0 && (
            <Group gap={6}>
              {part.media.map((ref) => (
                <Image
                  key={ref.mediaId}
                  src={`/api/workspaces/${encodeURIComponent(workspaceId)}/media/${encodeURIComponent(ref.mediaId)}/thumbnail`}
                  alt={ref.altText}
                  w={72}
                  h={72}
                  radius="sm"
                  fit="cover"
                  fallbackSrc="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='72' height='72'/%3E"
                />
              ))}
            </Group>
          )}
        </Stack>
      ))}
      {content.firstReply && (
        <Stack gap={4} pl="sm" style={{ borderLeft: '2px dashed var(--mantine-color-default-border)' }}>
          <Text size="xs" fw={600} c="dimmed">
            {t('publishing.parts.firstReply')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {content.firstReply}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
