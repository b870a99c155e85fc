// Invite teammates by email and manage pending invitations.
import { useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Grid, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatedInvitation, Invitation } from '../../shared/api-types.ts';
import { assignableRoles, type WorkspaceRole } from '../../shared/roles.ts';
import { absoluteLink, useCancelInvitation, useInvitations, useInvite } from '../api/invitations.ts';
import { ConfirmModal } from '../ui/ConfirmModal.tsx';
import { CopyButton, CopyField } from '../ui/copy.tsx';
import { RoleBadge, RoleSelect } from '../ui/fields.tsx';
import { IconAlert, IconCircleCheck, IconMail, IconX } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { FormSection, PageHeader, Section } from '../ui/page.tsx';
import { QueryTable } from '../ui/QueryTable.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { Panel } from '../ui/states.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function InvitationsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  return (
    <>
      <PageHeader title={t('invitations.title')} description={t('invitations.description', { workspace: workspace.name })} />
      <Stack gap="xl">
        <Panel>
          <InviteForm />
        </Panel>
        <PendingInvitations />
      </Stack>
    </>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const invite = useInvite(workspace.id);
  const roles = assignableRoles(workspace.role);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>(roles.includes('editor') ? 'editor' : roles[roles.length - 1]);
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const emailError = checked && !emailPattern.test(email.trim()) ? t('validation.email') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!emailPattern.test(email.trim())) return;
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (invitation) => {
          setCreated(invitation);
          setEmail('');
          setChecked(false);
          notifySuccess(invitation.emailSent ? t('invitations.sent', { email: invitation.email }) : t('invitations.created', { email: invitation.email }));
        },
      },
    );
  };

  return (
    <FormSection title={t('invitations.formTitle')} description={t('invitations.formHint')} error={invite.error} onSubmit={submit}>
      {created && (
        <Alert
          color={created.emailSent ? 'teal' : 'yellow'}
          variant="light"
          icon={created.emailSent ? <IconCircleCheck /> : <IconAlert />}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setCreated(null)}
          title={created.emailSent ? t('invitations.sentTitle') : t('invitations.notSentTitle')}
          data-testid="invitation-created"
        >
          <Stack gap="sm">
            <Text size="sm">
              {created.emailSent ? t('invitations.sentText', { email: created.email }) : t('invitations.notSentText', { email: created.email })}
            </Text>
            <CopyField label={t('invitations.link')} value={absoluteLink(created.link)} testId="invitation-link" />
          </Stack>
        </Alert>
      )}
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('fields.email')}
            placeholder={t('invitations.emailPlaceholder')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={emailError}
            leftSection={<IconMail size={16} />}
            required
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <RoleSelect label={t('fields.role')} roles={roles} value={role} onChange={setRole} comboboxProps={{ width: 340, position: 'bottom-start' }} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end">
        <Button type="submit" loading={invite.isPending}>
          {t('invitations.submit')}
        </Button>
      </Group>
    </FormSection>
  );
}

function PendingInvitations() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const invitations = useInvitations(workspace.id);
  const cancel = useCancelInvitation(workspace.id);
  const [canceling, setCanceling] = useState<Invitation | null>(null);
  const pending = invitations.data?.filter((invitation) => invitation.status === 'pending') ?? [];

  const confirmCancel = () => {
    if (!canceling) return;
    const invitation = canceling;
    cancel.mutate(invitation.id, {
      onSuccess: () => {
        notifySuccess(t('invitations.canceled', { email: invitation.email }));
        setCanceling(null);
      },
      onError: (error) => {
        notifyError(error);
        setCanceling(null);
      },
    });
  };

  return (
    <Section title={t('invitations.pendingTitle')}>
      <QueryTable
        query={invitations}
        items={pending}
        label={t('invitations.pendingTitle')}
        columns={[t('fields.email'), t('fields.role'), t('invitations.expires'), t('invitations.invitedBy')]}
        actions
        minWidth={720}
        skeletonRows={2}
        empty={{ icon: <IconMail size={26} />, title: t('invitations.emptyTitle'), description: t('invitations.emptyDescription') }}
        renderRow={(invitation) => (
          <Table.Tr key={invitation.id} data-testid="invitation-row" data-email={invitation.email} data-link={absoluteLink(invitation.link)}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {invitation.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <RoleBadge role={invitation.role} />
            </Table.Td>
            <Table.Td>
              <RelativeTime iso={invitation.expiresAt} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {invitation.inviterName ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <CopyButton value={absoluteLink(invitation.link)} label={t('invitations.copyLink')} />
                <Tooltip label={t('invitations.cancel')} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('invitations.cancelFor', { email: invitation.email })}
                    onClick={() => setCanceling(invitation)}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <ConfirmModal
        opened={canceling !== null}
        title={t('invitations.cancelTitle')}
        confirmLabel={t('invitations.cancelConfirm')}
        loading={cancel.isPending}
        onConfirm={confirmCancel}
        onClose={() => setCanceling(null)}
      >
        {t('invitations.cancelText', { email: canceling?.email ?? '' })}
      </ConfirmModal>
    </Section>
  );
}
