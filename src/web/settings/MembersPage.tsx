// Members of the workspace: change roles, remove people.
import { useState } from 'react';
import { ActionIcon, Avatar, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Member } from '../../shared/api-types.ts';
import { assignableRoles, type WorkspaceRole } from '../../shared/roles.ts';
import { useChangeMemberRole, useMembers, useRemoveMember } from '../api/members.ts';
import { useMe } from '../api/session.ts';
import { initials } from '../app/UserMenu.tsx';
import { ConfirmModal } from '../ui/ConfirmModal.tsx';
import { RoleBadge, RoleSelect } from '../ui/fields.tsx';
import { useFormatters } from '../ui/format.ts';
import { IconSend, IconTrash, IconUsers } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { QueryTable } from '../ui/QueryTable.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { settingsPath } from '../workspaces/paths.ts';

export function MembersPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const { data: me } = useMe();
  const members = useMembers(workspace.id);
  const changeRole = useChangeMemberRole(workspace.id);
  const remove = useRemoveMember(workspace.id);
  const format = useFormatters();
  const [removing, setRemoving] = useState<Member | null>(null);
  const roles = assignableRoles(workspace.role);

  const onRoleChange = (member: Member, role: WorkspaceRole) => {
    if (role === member.role) return;
    changeRole.mutate(
      { memberId: member.id, role },
      {
        onSuccess: () => notifySuccess(t('members.roleChanged', { name: member.name, role: t(`roles.${role}.label`) })),
        onError: (error) => notifyError(error),
      },
    );
  };

  const confirmRemove = () => {
    if (!removing) return;
    const member = removing;
    remove.mutate(member.id, {
      onSuccess: () => {
        notifySuccess(t('members.removed', { name: member.name }));
        setRemoving(null);
      },
      onError: (error) => {
        notifyError(error);
        setRemoving(null);
      },
    });
  };

  return (
    <>
      <PageHeader
        title={t('members.title')}
        description={t('members.description', { workspace: workspace.name })}
        actions={
          <Button component={Link} to={settingsPath(workspace.id, 'invitations')} leftSection={<IconSend size={16} />}>
            {t('members.invite')}
          </Button>
        }
      />
      <QueryTable
        query={members}
        items={members.data}
        label={t('members.title')}
        columns={[t('common.name'), t('fields.email'), t('fields.role'), t('members.joined')]}
        actions
        minWidth={720}
        empty={{ icon: <IconUsers size={26} />, title: t('members.emptyTitle'), description: t('members.emptyDescription') }}
        renderRow={(member) => {
          const isSelf = member.userId === me?.user.id;
          const manageable = !isSelf && roles.includes(member.role);
          return (
            <Table.Tr key={member.id} data-testid="member-row" data-email={member.email}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar size={32} radius="xl" color="relais" variant="light" aria-hidden="true">
                    {initials(member.name)}
                  </Avatar>
                  <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {member.name}
                  </Text>
                  {isSelf && (
                    <Badge size="xs" variant="outline" color="gray" tt="none" style={{ flexShrink: 0 }}>
                      {t('members.you')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {member.email}
                </Text>
              </Table.Td>
              <Table.Td w={190}>
                {manageable ? (
                  <RoleSelect
                    aria-label={t('members.roleFor', { name: member.name })}
                    roles={roles}
                    value={member.role}
                    onChange={(role) => onRoleChange(member, role)}
                    withDescription={false}
                    size="xs"
                    disabled={changeRole.isPending}
                    comboboxProps={{ width: 220, position: 'bottom-start' }}
                  />
                ) : (
                  <RoleBadge role={member.role} />
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {format.date(member.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td w={60} ta="right">
                <Tooltip label={isSelf ? t('members.cannotRemoveSelf') : t('members.remove')} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('members.removeNamed', { name: member.name })}
                    disabled={!manageable}
                    style={manageable ? undefined : { background: 'transparent' }}
                    onClick={() => setRemoving(member)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
      <ConfirmModal
        opened={removing !== null}
        title={t('members.removeTitle')}
        confirmLabel={t('members.removeConfirm')}
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      >
        {t('members.removeText', { name: removing?.name ?? '', workspace: workspace.name })}
      </ConfirmModal>
    </>
  );
}
