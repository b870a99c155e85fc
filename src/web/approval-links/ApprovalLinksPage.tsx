// /w/:workspaceId/approval-links — the links sent to clients: their period,
// expiry, what clients did through each, and revoking one at once.
import { useState } from 'react';
import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApprovalLinkView } from '../../shared/approval-links.ts';
import { pickLocale } from '../../shared/locales.ts';
import { ConfirmModal } from '../ui/ConfirmModal.tsx';
import { useFormatters } from '../ui/format.ts';
import { IconCircleCheck, IconMessage, IconShare, IconTrash } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { QueryTable } from '../ui/QueryTable.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { useApprovalLinks, useRevokeApprovalLink } from './approval-links-api.ts';
import { periodName } from './period.ts';
import { ShareForApprovalButton } from './ShareForApprovalDialog.tsx';

const statusColors: Record<ApprovalLinkView['status'], string> = { active: 'teal', expired: 'gray', revoked: 'red' };

export function ApprovalLinksPage() {
  const { t, i18n } = useTranslation();
  const locale = pickLocale(i18n.language);
  const workspace = useCurrentWorkspace();
  const links = useApprovalLinks(workspace.id);
  const revoke = useRevokeApprovalLink(workspace.id);
  const format = useFormatters();
  const [revoking, setRevoking] = useState<ApprovalLinkView | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    const link = revoking;
    revoke.mutate(link.id, {
      onSuccess: () => notifySuccess(t('approvalLinks.revoked', { label: link.label })),
      onError: (error) => notifyError(error),
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <>
      <PageHeader
        title={t('approvalLinks.title')}
        description={t('approvalLinks.description')}
        actions={<ShareForApprovalButton workspaceId={workspace.id} timeZone={workspace.timeZone} variant="filled" />}
      />
      <QueryTable
        query={links}
        items={links.data}
        label={t('approvalLinks.title')}
        columns={[t('approvalLinks.label'), t('approvalLinks.period'), t('approvalLinks.status'), t('approvalLinks.activity'), t('approvalLinks.lastOpened'), t('approvalLinks.createdBy')]}
        actions
        minWidth={860}
        skeletonRows={3}
        empty={{ icon: <IconShare size={26} />, title: t('approvalLinks.emptyTitle'), description: t('approvalLinks.emptyDescription') }}
        renderRow={(link) => (
          <Table.Tr key={link.id} data-testid="approval-link-row" data-label={link.label} data-status={link.status}>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {link.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {link.channels.length ? link.channels.map((channel) => `@${channel.handle.replace(/^@/, '')}`).join(', ') : t('approvalLinks.allChannels')}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{periodName(link, locale)}</Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={2} align="flex-start">
                <Badge variant="light" color={statusColors[link.status]}>
                  {t(`approvalLinks.statuses.${link.status}`)}
                </Badge>
                {link.status === 'active' && (
                  <Text size="xs" c="dimmed">
                    {t('approvalLinks.expiresOn', { date: format.date(link.expiresAt) })}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Group gap="sm" wrap="nowrap">
                <Tooltip label={t('approvalLinks.approvals', { count: link.approvals })} withArrow>
                  <Group gap={4} wrap="nowrap" c={link.approvals ? 'teal' : 'dimmed'} data-testid="approval-link-approvals">
                    <IconCircleCheck size={16} />
                    <Text size="sm">{link.approvals}</Text>
                  </Group>
                </Tooltip>
                <Tooltip label={t('approvalLinks.comments', { count: link.comments })} withArrow>
                  <Group gap={4} wrap="nowrap" c={link.comments ? 'blue' : 'dimmed'} data-testid="approval-link-comments">
                    <IconMessage size={16} />
                    <Text size="sm">{link.comments}</Text>
                  </Group>
                </Tooltip>
              </Group>
            </Table.Td>
            <Table.Td>
              {link.lastOpenedAt ? (
                <RelativeTime iso={link.lastOpenedAt} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('approvalLinks.neverOpened')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {link.createdBy ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              {link.status === 'active' && (
                <Tooltip label={t('approvalLinks.revoke')} withArrow>
                  <ActionIcon variant="subtle" color="red" aria-label={t('approvalLinks.revokeNamed', { label: link.label })} onClick={() => setRevoking(link)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
      <ConfirmModal
        opened={revoking !== null}
        title={t('approvalLinks.revokeTitle')}
        confirmLabel={t('approvalLinks.revokeConfirm')}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      >
        {t('approvalLinks.revokeText', { label: revoking?.label ?? '' })}
      </ConfirmModal>
    </>
  );
}
