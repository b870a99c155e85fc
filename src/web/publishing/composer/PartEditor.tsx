// One post of a thread (or the first post): its text with emoji and media
// tools under it, a character counter per network, and its attachments.
import { useRef, type ComponentType, type ReactNode } from 'react';
import { Box, Group, Paper, Stack, Textarea } from '@mantine/core';
import type { MediaRef, PostPart } from '../../../shared/publishing.ts';
import type { ComposerLimits } from '../../../shared/composer/limits.ts';
import { TextMarksBackdrop } from '../../composer-kit/TextMarksBackdrop.tsx';
import type { TextMark } from '../../composer-kit/text-marks.ts';
import { CharacterCounter } from './CharacterCounter.tsx';
import { EmojiPicker } from './EmojiPicker.tsx';
import { MediaStrip } from './MediaStrip.tsx';
import type { MediaInfo } from './channel-checks.ts';

export interface PartToolProps {
  /** Puts text at the caret. */
  insert: (text: string) => void;
  /** The text before the caret, read when a tool is used. */
  textBefore: () => string;
  /** Attaches files to this part; null where a part takes none (the first reply). */
  addMedia: ((media: MediaRef[]) => void) | null;
  mediaCount: number;
}

export interface CounterRule {
  network: string;
  limits: ComposerLimits;
  /** Set when the workspace shortens links: links count as the short links that will be sent. */
  shortLinkBaseUrl: string | null;
}

/** Puts `insert` where the caret is (replacing a selection), and the caret after it. */
export function insertAtCaret(field: HTMLTextAreaElement | null, text: string, insert: string, apply: (next: string) => void): void {
  const start = field?.selectionStart ?? text.length;
  const end = field?.selectionEnd ?? text.length;
  apply(text.slice(0, start) + insert + text.slice(end));
  requestAnimationFrame(() => {
    if (!field) return;
    field.focus();
    field.setSelectionRange(start + insert.length, start + insert.length);
  });
}

export function PartEditor({
  part,
  onChange,
  label,
  placeholder,
  counters,
  mediaInfo,
  requireAltText,
  minRows = 5,
  Tools,
  withMedia = true,
  testId,
  headerRight,
  marks = [],
}: {
  part: PostPart;
  onChange: (part: PostPart) => void;
  /** The field's accessible name. */
  label: string;
  placeholder: string;
  counters: CounterRule[];
  mediaInfo: MediaInfo;
  requireAltText: boolean;
  minRows?: number;
  /** More tools beside the emoji picker (media, templates, hashtags), given the inserter. */
  Tools?: ComponentType<PartToolProps>;
  /** Whether this part takes media (the first reply does not). */
  withMedia?: boolean;
  testId?: string;
  headerRight?: ReactNode;
  /** Words to underline where they stand (misspellings, terms the brand avoids). */
  marks?: readonly TextMark[];
}) {
  const field = useRef<HTMLTextAreaElement>(null);
  const insert = (value: string) => insertAtCaret(field.current, part.text, value, (text) => onChange({ ...part, text }));
  // Read when a tool is used, not while rendering.
  const textBefore = () => part.text.slice(0, field.current?.selectionStart ?? part.text.length);
  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      {headerRight && (
        <Group justify="flex-end" px="xs" pt={6}>
          {headerRight}
        </Group>
      )}
      <Box pos="relative" className="relais-marked">
        <TextMarksBackdrop field={field} text={part.text} marks={marks} />
        <Textarea
          ref={field}
          aria-label={label}
          placeholder={placeholder}
          value={part.text}
          onChange={(e) => onChange({ ...part, text: e.currentTarget.value })}
          autosize
          minRows={minRows}
          maxRows={18}
          variant="unstyled"
          px="md"
          pt={headerRight ? 0 : 'xs'}
          className="relais-composer-text"
          data-testid={testId}
        />
      </Box>
      <Stack gap="xs" px="md" pb="xs">
        <MediaStrip media={part.media} info={mediaInfo} requireAltText={requireAltText} onChange={(media) => onChange({ ...part, media })} />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={2}>
            <EmojiPicker onPick={insert} />
            {Tools && (
              <Tools insert={insert} textBefore={textBefore} mediaCount={part.media.length} addMedia={withMedia ? (media) => onChange({ ...part, media: [...part.media, ...media] }) : null} />
            )}
          </Group>
          <Group gap="md">
            {counters.map((rule) => (
              <CharacterCounter key={rule.network} text={part.text} limits={rule.limits} network={rule.network} showNetwork={counters.length > 1} shortLinkBaseUrl={rule.shortLinkBaseUrl} />
            ))}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
