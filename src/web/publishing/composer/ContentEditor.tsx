// The whole content of a post for one scope (every channel, or one): the first
// post, the thread's next posts, and the optional first reply.
import type { ComponentType } from 'react';
import { ActionIcon, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostContent } from '../../../shared/publishing.ts';
import { IconPlus, IconTrash } from '../../ui/icons.tsx';
import type { MediaInfo } from './channel-checks.ts';
import { addThreadPart, partOf, removeThreadPart, withPart } from './draft.ts';
import { PartEditor, type CounterRule, type PartToolProps } from './PartEditor.tsx';
import type { TextMark } from '../../composer-kit/text-marks.ts';

/** Tools of each part's toolbar (a stable component: it keeps its menus open while the text changes). */
export type PartTools = ComponentType<PartToolProps>;

export function ContentEditor({
  content,
  onChange,
  counters,
  mediaInfo,
  requireAltText,
  threads,
  replies,
  Tools,
  testId,
  marks,
}: {
  content: PostContent;
  onChange: (content: PostContent) => void;
  counters: CounterRule[];
  mediaInfo: MediaInfo;
  requireAltText: boolean;
  /** Whether a picked network takes threads / a first reply (the buttons show only then). */
  threads: boolean;
  replies: boolean;
  Tools?: PartTools;
  testId: string;
  /** Words to underline in the first post (spelling and brand voice are checked there). */
  marks?: readonly TextMark[];
}) {
  const { t } = useTranslation();
  const parts = [0, ...content.thread.map((_, i) => i + 1)];
  return (
    <Stack gap="sm">
      {parts.map((index) => {
        const part = partOf(content, index);
        const setPart = (next: typeof part) => onChange(withPart(content, index, next));
        return (
          <PartEditor
            key={index}
            part={part}
            onChange={setPart}
            label={index === 0 ? t('publishing.composer.textLabel') : t('publishing.parts.thread', { number: index + 1 })}
            placeholder={index === 0 ? t('publishing.composer.textPlaceholder') : t('publishing.composer.threadPlaceholder')}
            counters={counters}
            mediaInfo={mediaInfo}
            requireAltText={requireAltText}
            minRows={index === 0 ? 5 : 3}
            marks={index === 0 ? marks : undefined}
            testId={index === 0 ? testId : `${testId}-thread-${index}`}
            Tools={Tools}
            headerRight={
              index > 0 ? (
                <Group gap={6} justify="space-between" style={{ flex: 1 }}>
                  <Text size="xs" fw={600} c="dimmed" pl={6}>
                    {t('publishing.parts.thread', { number: index + 1 })}
                  </Text>
                  <Tooltip label={t('publishing.composer.threadRemove')} withArrow>
                    <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('publishing.composer.threadRemove')} onClick={() => onChange(removeThreadPart(content, index))}>
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ) : undefined
            }
          />
        );
      })}
      {content.firstReply !== null && (
        <PartEditor
          part={{ text: content.firstReply, media: [] }}
          onChange={(part) => onChange({ ...content, firstReply: part.text })}
          label={t('publishing.parts.firstReply')}
          placeholder={t('publishing.composer.replyPlaceholder')}
          counters={counters}
          mediaInfo={mediaInfo}
          requireAltText={requireAltText}
          minRows={2}
          Tools={Tools}
          withMedia={false}
          testId={`${testId}-reply`}
          headerRight={
            <Group gap={6} justify="space-between" style={{ flex: 1 }}>
              <Text size="xs" fw={600} c="dimmed" pl={6}>
                {t('publishing.parts.firstReply')}
              </Text>
              <Tooltip label={t('publishing.composer.replyRemove')} withArrow>
                <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('publishing.composer.replyRemove')} onClick={() => onChange({ ...content, firstReply: null })}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
          }
        />
      )}
      {(threads || (replies && content.firstReply === null)) && (
        <Group gap="xs">
          {threads && (
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => onChange(addThreadPart(content))} data-testid="composer-add-thread">
              {t('publishing.composer.threadAdd')}
            </Button>
          )}
          {replies && content.firstReply === null && (
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => onChange({ ...content, firstReply: '' })} data-testid="composer-add-reply">
              {t('publishing.composer.replyAdd')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
