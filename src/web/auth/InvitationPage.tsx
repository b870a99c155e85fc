// /invite/:invitationId — see an invitation and accept it: create an account,
// or log in first when one already exists for the invited address.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Divider, Group, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PublicInvitation } from '../../shared/api-types.ts';
import { useAcceptInvitation, usePublicInvitation } from '../api/invitations.ts';
import { useMe, useSignOut } from '../api/session.ts';
import { isApiError } from '../api/client.ts';
import { AuthCard } from '../app/PublicLayout.tsx';
import { currentLocale } from '../i18n/index.ts';
import { RoleBadge } from '../ui/fields.tsx';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { IconAlert, IconCircleCheck, IconCircleX, IconClock, IconMail } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.tsx';
import { FormSkeleton } from '../ui/states.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { useNewPassword } from './use-new-password.ts';

export function InvitationPage() {
  const { t } = useTranslation();
  const { invitationId = '' } = useParams();
  const invitation = usePublicInvitation(invitationId);

  if (invitation.isPending) {
    return (
      <AuthCard title={t('invite.title')}>
        <FormSkeleton fields={2} />
      </AuthCard>
    );
  }
  if (invitation.isError) {
    const notFound = isApiError(invitation.error, 404);
    return (
      <StatusCard
        testId="invitation-not-found"
        icon={<IconCircleX size={22} />}
        color="red"
        title={notFound ? t('invite.notFoundTitle') : t('errors.loadFailed')}
        text={notFound ? t('invite.notFound') : invitation.error.message}
      />
    );
  }
  const data = invitation.data;
  if (data.status === 'expired')
    return <StatusCard testId="invitation-expired" icon={<IconClock size={22} />} color="orange" title={t('invite.expiredTitle')} text={t('invite.expired', { workspace: data.workspaceName })} />;
  if (data.status === 'canceled')
    return <StatusCard testId="invitation-canceled" icon={<IconCircleX size={22} />} color="red" title={t('invite.canceledTitle')} text={t('invite.canceled', { workspace: data.workspaceName })} />;
  if (data.status === 'accepted')
    return (
      <StatusCard testId="invitation-accepted" icon={<IconCircleCheck size={22} />} color="teal" title={t('invite.acceptedTitle')} text={t('invite.accepted', { workspace: data.workspaceName })}>
        <Button component={Link} to="/" variant="light">
          {t('invite.openRelais')}
        </Button>
      </StatusCard>
    );
  return <PendingInvitation invitation={data} />;
}

function StatusCard({ icon, color, title, text, testId, children }: { icon: ReactNode; color: string; title: string; text: string; testId: string; children?: ReactNode }) {
  return (
    <AuthCard title={title}>
      <Stack gap="md" data-testid={testId}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color={color} size={40} radius="xl">
            {icon}
          </ThemeIcon>
          <Text size="sm" style={{ flex: 1 }}>
            {text}
          </Text>
        </Group>
        {children}
      </Stack>
    </AuthCard>
  );
}

function InvitationSummary({ invitation }: { invitation: PublicInvitation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap="sm" data-testid="invitation-summary">
      <Text size="sm">
        <Trans
          i18nKey={invitation.inviterName ? 'invite.summaryBy' : 'invite.summary'}
          values={{ inviter: invitation.inviterName, workspace: invitation.workspaceName }}
          components={{ strong: <strong /> }}
        />
      </Text>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('invite.role')}
        </Text>
        <RoleBadge role={invitation.role} />
      </Group>
      <Text size="xs" c="dimmed">
        {t(`roles.${invitation.role}.description`)}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <IconMail size={16} />
        <Text size="sm" fw={500} data-testid="invitation-email" style={{ wordBreak: 'break-all' }}>
          {invitation.email}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('invite.expires', { date: format.dateTime(invitation.expiresAt) })}
      </Text>
    </Stack>
  );
}

function PendingInvitation({ invitation }: { invitation: PublicInvitation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const accept = useAcceptInvitation(invitation.id);
  const signOut = useSignOut();
  const title = t('invite.joinTitle', { workspace: invitation.workspaceName });

  const done = ({ workspaceId }: { workspaceId: string }) => {
    notifySuccess(t('invite.welcome', { workspace: invitation.workspaceName }));
    navigate(`/w/${encodeURIComponent(workspaceId)}`, { replace: true });
  };

  let action: ReactNode;
  if (me.isPending) {
    action = null;
  } else if (me.data) {
    const sameEmail = me.data.user.email.toLowerCase() === invitation.email.toLowerCase();
    action = sameEmail ? (
      <Button size="md" fullWidth loading={accept.isPending} onClick={() => accept.mutate({}, { onSuccess: done })}>
        {t('invite.accept')}
      </Button>
    ) : (
      <Stack gap="sm">
        <Alert color="orange" variant="light" icon={<IconAlert />} data-testid="invitation-wrong-account">
          {t('invite.wrongAccount', { current: me.data.user.email, invited: invitation.email })}
        </Alert>
        <Button variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
          {t('invite.switchAccount')}
        </Button>
      </Stack>
    );
  } else if (invitation.accountExists) {
    action = (
      <Stack gap="sm">
        <Text size="sm">{t('invite.accountExists', { email: invitation.email })}</Text>
        <Button component={Link} to={`/login?next=${encodeURIComponent(`/invite/${invitation.id}`)}`} size="md" fullWidth>
          {t('invite.logInToAccept')}
        </Button>
      </Stack>
    );
  } else {
    action = <CreateAccountForm invitation={invitation} pending={accept.isPending} onSubmit={(body) => accept.mutate({ ...body, locale: currentLocale() }, { onSuccess: done })} />;
  }

  return (
    <AuthCard title={title} width={480}>
      <Stack gap="lg">
        <InvitationSummary invitation={invitation} />
        <Divider />
        <FormError error={accept.error} />
        {action}
      </Stack>
    </AuthCard>
  );
}

function CreateAccountForm({ invitation, pending, onSubmit }: { invitation: PublicInvitation; pending: boolean; onSubmit: (body: { name: string; password: string }) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [checked, setChecked] = useState(false);
  const newPassword = useNewPassword([name, invitation.email]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const passwordOk = newPassword.validate();
    if (!name.trim() || !passwordOk) return;
    onSubmit({ name: name.trim(), password: newPassword.password });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" fw={600}>
          {t('invite.createAccount')}
        </Text>
        <TextInput
          label={t('fields.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          autoComplete="name"
          error={checked && !name.trim() ? t('validation.required') : null}
          required
        />
        <NewPasswordFields {...newPassword.fieldProps} passwordLabel={t('fields.password')} />
        <Button type="submit" size="md" fullWidth loading={pending}>
          {t('invite.createAndJoin')}
        </Button>
      </Stack>
    </form>
  );
}
