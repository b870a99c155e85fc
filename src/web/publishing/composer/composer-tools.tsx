// The tools under each part's text, beside the emoji picker: images and videos
// from the media library, saved templates and hashtag groups (composer kit).
import { useState } from 'react';
import { ActionIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MediaView } from '../../../shared/api-types.ts';
import { HashtagGroupPicker } from '../../composer-kit/HashtagGroupPicker.tsx';
import { TemplatePicker } from '../../composer-kit/TemplatePicker.tsx';
import { MediaPicker } from '../../media/MediaPicker.tsx';
import { IconPhoto } from '../../ui/icons.tsx';
import type { PartTools } from './ContentEditor.tsx';
import type { PartToolProps } from './PartEditor.tsx';

/** A separator so that inserted words do not stick to the text before the caret. */
function spaced(before: string, insert: string): string {
  return before === '' || /\s$/u.test(before) ? insert : ` ${insert}`;
}

/**
 * The toolbar of the composer's parts. `maxMedia` is the most files any picked
 * network takes in one post; the live check says when a network takes fewer.
 */
export function composerTools({ workspaceId, rememberMedia, maxMedia }: { workspaceId: string; rememberMedia: (media: MediaView[]) => void; maxMedia: number }): PartTools {
  return function Tools({ insert, textBefore, addMedia, mediaCount }: PartToolProps) {
    const { t } = useTranslation();
    const [picking, setPicking] = useState(false);
    const room = maxMedia - mediaCount;
    return (
      <>
        {addMedia && (
          <>
            <Tooltip label={t('publishing.composer.mediaAdd')} withArrow>
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('publishing.composer.mediaAdd')} disabled={room <= 0} onClick={() => setPicking(true)} data-testid="composer-add-media">
                <IconPhoto size={19} />
              </ActionIcon>
            </Tooltip>
            <MediaPicker
              workspaceId={workspaceId}
              opened={picking}
              onClose={() => setPicking(false)}
              maxCount={Math.max(1, room)}
              onPick={(media) => {
                rememberMedia(media);
                addMedia(media.map((m) => ({ mediaId: m.id, altText: m.altText })));
              }}
            />
          </>
        )}
        <TemplatePicker workspaceId={workspaceId} onPick={(text) => insert(spaced(textBefore(), text))} />
        <HashtagGroupPicker workspaceId={workspaceId} onPick={(hashtags) => insert(spaced(textBefore(), hashtags.join(' ')))} />
      </>
    );
  };
}
