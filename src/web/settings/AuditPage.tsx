// The audit log: security events, newest first, fifty at a time.
import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isWorkspaceRole } from '../../shared/roles.ts';
import { useAuditEvents } from '../api/audit.ts';
import { useFormatters } from '../ui/format.ts';
import { IconHistory } from '../ui/icons.tsx';
import { PageHeader } from '../ui/page.tsx';
import { QueryTable } from '../ui/QueryTable.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';

const actionColors: Record<string, string> = {
  login_failed: 'red',
  member_removed: 'red',
  api_key_revoked: 'red',
  channel_disconnected: 'red',
  invitation_canceled: 'orange',
  password_reset_requested: 'orange',
  password_reset: 'orange',
  password_changed: 'orange',
  member_role_changed: 'violet',
  api_key_created: 'blue',
  member_invited: 'teal',
  channel_connected: 'teal',
  invitation_accepted: 'teal',
  workspace_created: 'teal',
  setup_completed: 'teal',
};

/** A short line from an event's detail: "Contributor → Editor", else "Role: Editor · Key: rls_…". */
function describeDetail(detail: Record<string, unknown> | null, t: TFunction): string {
  if (!detail) return '';
  const show = (value: unknown): string => {
    if (isWorkspaceRole(value)) return t(`roles.${value}.label`);
    if (typeof value === 'boolean' || typeof value === 'string') return t(`audit.values.${String(value)}`, { defaultValue: String(value) });
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  if ('from' in detail && 'to' in detail) return `${show(detail.from)} → ${show(detail.to)}`;
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => t('audit.pair', { key: t(`audit.detail.${key}`, { defaultValue: key }), value: show(value) }))
    .join(' · ');
}

export function AuditPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const audit = useAuditEvents(workspace.id);
  const format = useFormatters();
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <QueryTable
        query={audit}
        items={events}
        label={t('audit.title')}
        columns={[t('audit.time'), t('audit.actor'), t('audit.action'), t('audit.target'), t('audit.ip')]}
        minWidth={820}
        skeletonRows={6}
        empty={{ icon: <IconHistory size={26} />, title: t('audit.emptyTitle'), description: t('audit.emptyDescription') }}
        renderRow={(event) => {
          const detail = describeDetail(event.detail, t);
          return (
            <Table.Tr key={event.id} data-testid="audit-row" data-action={event.action}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Tooltip label={format.relative(event.createdAt)} withArrow>
                  <Text size="sm" span>
                    {format.dateTime(event.createdAt)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{event.actorLabel ?? t('audit.system')}</Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={actionColors[event.action] ?? 'gray'} radius="sm" tt="none" fw={600}>
                  {t(`audit.actions.${event.action}`, { defaultValue: event.action })}
                </Badge>
              </Table.Td>
              <Table.Td className="relais-wrap" miw={200}>
                <Text size="sm">{event.target ?? '—'}</Text>
                {detail && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {detail}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" ff="monospace">
                  {event.ip ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
      {audit.hasNextPage && (
        <Group justify="center" mt="lg">
          <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
