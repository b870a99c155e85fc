// Drop files here (or click to choose): each is uploaded in turn; the server's
// refusal of one (type, weight) is shown and the others still go.
import { useState } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { useTranslation } from 'react-i18next';
import type { MediaView } from '../../shared/api-types.ts';
import { acceptedMediaTypes, useUploadMedia } from '../api/media.ts';
import { IconPhoto, IconUpload, IconX } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';

export function MediaUploadZone({ workspaceId, onUploaded, compact = false }: { workspaceId: string; onUploaded?: (media: MediaView[]) => void; compact?: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadMedia(workspaceId);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const send = async (files: File[]) => {
    const uploaded: MediaView[] = [];
    setProgress({ done: 0, total: files.length });
    for (const [index, file] of files.entries()) {
      try {
        uploaded.push(await upload.mutateAsync(file));
      } catch (error) {
        notifyError(error, t('media.uploadFailed', { name: file.name }));
      }
      setProgress({ done: index + 1, total: files.length });
    }
    setProgress(null);
    if (uploaded.length > 0) {
      notifySuccess(t('media.uploaded', { count: uploaded.length }));
      onUploaded?.(uploaded);
    }
  };

  const refuse = (rejections: FileRejection[]) => {
    for (const { file } of rejections) notifyError(new Error(t('media.wrongType', { name: file.name })), t('media.uploadFailed', { name: file.name }));
  };

  return (
    <Dropzone
      onDrop={(files: File[]) => void send(files)}
      onReject={refuse}
      accept={acceptedMediaTypes}
      loading={progress !== null}
      multiple
      radius="md"
      data-testid="media-dropzone"
      inputProps={{ 'aria-label': t('media.dropTitle') }}
    >
      <Group justify="center" gap="md" mih={compact ? 64 : 110} wrap="nowrap" style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <IconUpload size={compact ? 28 : 40} color="var(--mantine-color-teal-6)" />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={compact ? 28 : 40} color="var(--mantine-color-red-6)" />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconPhoto size={compact ? 28 : 40} color="var(--mantine-color-dimmed)" />
        </Dropzone.Idle>
        <Stack gap={2}>
          <Text size={compact ? 'sm' : 'md'} fw={500}>
            {progress ? t('media.uploading', { done: progress.done, total: progress.total }) : t('media.dropTitle')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('media.dropHint')}
          </Text>
        </Stack>
      </Group>
    </Dropzone>
  );
}
