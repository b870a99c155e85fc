// One file up close: its preview, what it is, and — for those who write
// content — its description (alt text), tags, and removal from the library.
import { useState } from 'react';
import { Box, Button, Group, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MediaView } from '../../shared/api-types.ts';
import { useDeleteMedia, useUpdateMedia } from '../api/media.ts';
import { ConfirmModal } from '../ui/ConfirmModal.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { IconTrash } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.tsx';
import { useMediaFormat } from './media-format.ts';
import './media.css';

export const maxAltTextLength = 2000;

export function MediaDetailsModal({ workspaceId, media, canWrite, onClose }: { workspaceId: string; media: MediaView | null; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened={media !== null} onClose={onClose} title={media?.fileName ?? ''} size="lg" data-testid="media-details">
      {/* Keyed by file, so the form starts from that file's values. */}
      {media && <MediaDetails key={media.id} workspaceId={workspaceId} media={media} canWrite={canWrite} onClose={onClose} />}
      {!media && <Text>{t('common.loading')}</Text>}
    </Dialog>
  );
}

function MediaDetails({ workspaceId, media, canWrite, onClose }: { workspaceId: string; media: MediaView; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useMediaFormat();
  const dates = useFormatters();
  const update = useUpdateMedia(workspaceId);
  const remove = useDeleteMedia(workspaceId);
  const [altText, setAltText] = useState(media.altText);
  const [tags, setTags] = useState(media.tags);
  const [confirming, setConfirming] = useState(false);
  const changed = altText.trim() !== media.altText || tags.join('\n') !== media.tags.join('\n');

  const save = () =>
    update.mutate(
      { id: media.id, altText: altText.trim(), tags },
      {
        onSuccess: () => {
          notifySuccess(t('media.saved'));
          onClose();
        },
      },
    );

  const confirmDelete = () =>
    remove.mutate(media.id, {
      onSuccess: () => {
        notifySuccess(t('media.deleted', { name: media.fileName }));
        setConfirming(false);
        onClose();
      },
      onError: () => setConfirming(false),
    });

  return (
    <Stack gap="md">
      <Box className="relais-media-preview">
        {media.kind === 'image' ? <img src={media.fileUrl} alt={media.altText} /> : <video src={media.fileUrl} controls preload="metadata" />}
      </Box>
      <Text size="sm" c="dimmed">
        {[media.mimeType, format.bytes(media.sizeBytes), format.dimensions(media), format.duration(media.durationMs), dates.date(media.createdAt)].filter(Boolean).join(' · ')}
      </Text>
      <FormError error={update.error ?? remove.error} />
      {media.kind === 'image' && (
        <Textarea
          label={t('media.altLabel')}
          description={t('media.altHelp')}
          placeholder={t('media.altPlaceholder')}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={maxAltTextLength}
          value={altText}
          onChange={(event) => setAltText(event.currentTarget.value)}
          readOnly={!canWrite}
          data-autofocus
          data-testid="media-alt-text"
        />
      )}
      <TagsInput
        label={t('media.tagsLabel')}
        description={canWrite ? t('media.tagsHelp') : undefined}
        value={tags}
        onChange={setTags}
        maxTags={20}
        clearable={canWrite}
        readOnly={!canWrite}
        splitChars={[',', ' ', '#']}
        data-testid="media-tags"
      />
      {canWrite && (
        <Group justify="space-between" gap="sm">
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirming(true)} data-testid="media-delete">
            {t('media.delete')}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={save} loading={update.isPending} disabled={!changed} data-testid="media-save">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('media.deleteTitle')}
        confirmLabel={t('media.deleteConfirm')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setConfirming(false)}
      >
        {t('media.deleteText', { name: media.fileName })}
      </ConfirmModal>
    </Stack>
  );
}
