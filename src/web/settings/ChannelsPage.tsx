// Settings → Channels: the social accounts of the workspace and their health.
// Every member sees them; owners and admins connect, check, reconnect and
// disconnect them. Coming back from a network's authorization page lands here
// with `?connected=<channelId>` or `?error=<code>`.
import { useEffect, useId, useRef, useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Channel, ChannelStatus } from '../../shared/api-types.ts';
import { can } from '../../shared/roles.ts';
import { useChannels, useCheckChannel, useDisconnectChannel, useNetworks } from '../api/channels.ts';
import { ConnectChannelDialog } from '../channels/ConnectChannelDialog.tsx';
import { channelAddress, ChannelAvatar, channelServer, NetworkBadge, networkName } from '../channels/networks.tsx';
import { ConfirmModal } from '../ui/ConfirmModal.tsx';
import { useFormatters } from '../ui/format.ts';
import { IconAlert, IconBroadcast, IconLock, IconPlug, IconPlus, IconRefresh, IconUnlink } from '../ui/icons.tsx';
import { notifyError, notifySuccess, notifyWarning } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { QueryTable } from '../ui/QueryTable.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';

/** Codes the server may send back after an authorization, each with a translated explanation. */
const returnErrorCodes = ['oauth_denied', 'oauth_state_expired', 'channel_not_mastodon', 'channel_unreachable', 'url_blocked', 'channel_auth_failed', 'channel_failed'];

const statusColors: Record<ChannelStatus, string> = {
  connected: 'green',
  reconnect_needed: 'orange',
  rate_limited: 'yellow',
  disabled: 'gray',
};

/** What the address bar said when the page opened, read once: the parameters are then removed. */
function useAuthorizationReturn() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [returned] = useState(() => ({ connected: searchParams.get('connected'), error: searchParams.get('error') }));
  useEffect(() => {
    if (!searchParams.has('connected') && !searchParams.has('error')) return;
    const next = new URLSearchParams(searchParams);
    next.delete('connected');
    next.delete('error');
    setSearchParams(next, { replace: true });
  }, [searchParams, setSearchParams]);
  return returned;
}

export function ChannelsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const manage = can(workspace.role, 'channels:manage');
  const channels = useChannels(workspace.id);
  const networks = useNetworks();
  const check = useCheckChannel(workspace.id);
  const disconnect = useDisconnectChannel(workspace.id);
  const format = useFormatters();
  // Below a wide screen, network and health go under the account's name.
  const compact = !useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });
  const returned = useAuthorizationReturn();
  const [highlighted, setHighlighted] = useState<string | null>(returned.connected);
  const [returnError, setReturnError] = useState<string | null>(returned.error);
  const [dialog, setDialog] = useState<{ reconnect: Channel | null } | null>(null);
  const [disconnecting, setDisconnecting] = useState<Channel | null>(null);

  // The success of an authorization, once the list says which account it was.
  const announced = useRef(false);
  useEffect(() => {
    if (!returned.connected || announced.current || !channels.data) return;
    announced.current = true;
    const channel = channels.data.find((c) => c.id === returned.connected);
    notifySuccess(channel ? t('channels.connected', { address: channelAddress(channel) }) : t('channels.connectedUnknown'));
  }, [returned.connected, channels.data, t]);

  const onConnected = (channel: Channel) => {
    setDialog(null);
    setReturnError(null);
    setHighlighted(channel.id);
    notifySuccess(t('channels.connected', { address: channelAddress(channel) }));
  };

  const runCheck = (channel: Channel) => {
    check.mutate(channel.id, {
      onSuccess: (checked) => {
        const address = channelAddress(checked);
        if (checked.status === 'connected') notifySuccess(t('channels.checkOk', { address }));
        else if (checked.status === 'reconnect_needed') notifyWarning(t('channels.checkReconnect', { address }));
        else if (checked.status === 'rate_limited') notifyWarning(t('channels.checkRateLimited', { address, time: format.moment(checked.rateLimitedUntil) }));
      },
      onError: (error) => notifyError(error),
    });
  };

  const confirmDisconnect = () => {
    if (!disconnecting) return;
    const channel = disconnecting;
    disconnect.mutate(channel.id, {
      onSuccess: () => {
        notifySuccess(t('channels.disconnected', { address: channelAddress(channel) }));
        setDisconnecting(null);
      },
      onError: (error) => {
        notifyError(error);
        setDisconnecting(null);
      },
    });
  };

  const openConnect = () => setDialog({ reconnect: null });

  return (
    <>
      <PageHeader
        title={t('channels.title')}
        description={t('channels.description', { workspace: workspace.name })}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={openConnect}>
              {t('channels.connectButton')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        {returnError && (
          <Alert
            color={returnError === 'oauth_denied' ? 'orange' : 'red'}
            variant="light"
            icon={<IconAlert />}
            title={t('channels.returnErrorTitle')}
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setReturnError(null)}
            role="alert"
            data-testid="channel-connect-error"
            data-code={returnError}
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {t(`channels.returnErrors.${returnErrorCodes.includes(returnError) ? returnError : 'channel_failed'}`)}
              </Text>
              {manage && (
                <Button size="xs" variant="white" color={returnError === 'oauth_denied' ? 'orange' : 'red'} onClick={openConnect}>
                  {t('common.retry')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {!manage && (
          <Alert color="gray" variant="light" icon={<IconLock />} data-testid="channels-read-only">
            {t('channels.readOnly')}
          </Alert>
        )}
        <QueryTable
          query={channels}
          items={channels.data}
          label={t('channels.title')}
          columns={compact ? [t('channels.account')] : [t('channels.account'), t('channels.network'), t('channels.status')]}
          actions={manage && !compact}
          minWidth={compact ? 300 : manage ? 860 : 640}
          skeletonRows={2}
          empty={{
            icon: <IconBroadcast size={26} />,
            title: t('channels.emptyTitle'),
            description: manage ? t('channels.emptyDescription') : t('channels.emptyDescriptionReadOnly'),
            children: manage ? (
              <Button leftSection={<IconPlus size={16} />} onClick={openConnect} variant="light">
                {t('channels.connectFirst')}
              </Button>
            ) : undefined,
          }}
          renderRow={(channel) => (
            <ChannelRow
              key={channel.id}
              compact={compact}
              channel={channel}
              networkLabel={networkName(channel.network, networks.data)}
              highlighted={channel.id === highlighted}
              manage={manage}
              checking={check.isPending && check.variables === channel.id}
              onCheck={() => runCheck(channel)}
              onReconnect={() => setDialog({ reconnect: channel })}
              onDisconnect={() => setDisconnecting(channel)}
            />
          )}
        />
      </Stack>
      {manage && (
        <ConnectChannelDialog opened={dialog !== null} reconnect={dialog?.reconnect ?? null} onClose={() => setDialog(null)} onConnected={onConnected} />
      )}
      <ConfirmModal
        opened={disconnecting !== null}
        title={t('channels.disconnectTitle')}
        confirmLabel={t('channels.disconnectConfirm')}
        loading={disconnect.isPending}
        onConfirm={confirmDisconnect}
        onClose={() => setDisconnecting(null)}
      >
        {t('channels.disconnectText', { address: disconnecting ? channelAddress(disconnecting) : '', workspace: workspace.name })}
      </ConfirmModal>
    </>
  );
}

function ChannelRow({
  channel,
  networkLabel,
  highlighted,
  manage,
  compact,
  checking,
  onCheck,
  onReconnect,
  onDisconnect,
}: {
  channel: Channel;
  networkLabel: string;
  highlighted: boolean;
  manage: boolean;
  /** One column: network and health under the account's name. */
  compact: boolean;
  checking: boolean;
  onCheck: () => void;
  onReconnect: () => void;
  onDisconnect: () => void;
}) {
  const { t } = useTranslation();
  const nameId = useId();
  const row = useRef<HTMLTableRowElement>(null);
  const address = channelAddress(channel);
  const name = channel.displayName?.trim() || address;
  const server = channelServer(channel);
  const active = channel.status !== 'disabled';
  const reason = channel.status === 'reconnect_needed' || channel.status === 'rate_limited' ? channel.statusReason : null;

  useEffect(() => {
    if (highlighted) row.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [highlighted]);

  const account = (
    <Stack gap={0} style={{ minWidth: 0 }} id={nameId}>
      <Text size="sm" fw={500} title={name} style={active ? undefined : { opacity: 0.7 }} {...(compact ? { lineClamp: 2 } : { truncate: true, maw: 220 })}>
        {name}
      </Text>
      {channel.profileUrl ? (
        <Anchor
          href={channel.profileUrl}
          target="_blank"
          rel="noopener noreferrer"
          size="xs"
          c="dimmed"
          title={t('channels.openProfile', { network: networkLabel })}
          {...(compact ? { style: { overflowWrap: 'anywhere' } } : { truncate: true, maw: 220 })}
        >
          {name === address ? t('channels.profile') : address}
        </Anchor>
      ) : (
        name !== address && (
          <Text size="xs" c="dimmed" {...(compact ? { style: { overflowWrap: 'anywhere' } } : { truncate: true, maw: 220 })}>
            {address}
          </Text>
        )
      )}
    </Stack>
  );
  const serverLine = server && (
    <Text size="xs" c="dimmed" data-testid="channel-server">
      {server}
    </Text>
  );
  const reasonLine = reason && (
    <Text size="xs" c="dimmed" lineClamp={2} maw={compact ? undefined : 300} title={reason} data-testid="channel-status-reason">
      {reason}
    </Text>
  );

  const actions = (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {active && (
        <Tooltip label={t('channels.check')} withArrow>
          <ActionIcon variant="subtle" color="gray" aria-label={t('channels.check')} aria-describedby={nameId} loading={checking} onClick={onCheck}>
            <IconRefresh size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      {active && channel.status !== 'reconnect_needed' ? (
        <Tooltip label={t('channels.reconnect')} withArrow>
          <ActionIcon variant="subtle" color="gray" aria-label={t('channels.reconnect')} aria-describedby={nameId} onClick={onReconnect}>
            <IconPlug size={16} />
          </ActionIcon>
        </Tooltip>
      ) : compact ? (
        <Tooltip label={t('channels.reconnect')} withArrow>
          <ActionIcon
            variant={active ? 'light' : 'default'}
            color={active ? 'orange' : undefined}
            aria-label={t('channels.reconnect')}
            aria-describedby={nameId}
            onClick={onReconnect}
          >
            <IconPlug size={16} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button
          size="xs"
          variant={active ? 'light' : 'default'}
          color={active ? 'orange' : undefined}
          leftSection={<IconPlug size={14} />}
          aria-describedby={nameId}
          onClick={onReconnect}
        >
          {t('channels.reconnect')}
        </Button>
      )}
      {active && (
        <Tooltip label={t('channels.disconnect')} withArrow>
          <ActionIcon variant="subtle" color="red" aria-label={t('channels.disconnect')} aria-describedby={nameId} onClick={onDisconnect}>
            <IconUnlink size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );

  return (
    <Table.Tr
      ref={row}
      data-testid="channel-row"
      data-handle={channel.handle}
      data-status={channel.status}
      data-network={channel.network}
      data-highlighted={highlighted || undefined}
      className={highlighted ? 'relais-row-highlight' : undefined}
    >
      {compact ? (
        <Table.Td className="relais-wrap">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ChannelAvatar channel={channel} />
            <div style={{ flex: 1, minWidth: 0 }}>{account}</div>
            {manage && actions}
          </Group>
          <Stack gap={4} mt={8} pl={50} align="flex-start">
            <Group gap={6} wrap="wrap">
              <NetworkBadge network={channel.network} name={networkLabel} />
              <HealthBadge channel={channel} />
            </Group>
            {serverLine}
            {reasonLine}
          </Stack>
        </Table.Td>
      ) : (
        <>
          <Table.Td>
            <Group gap="sm" wrap="nowrap">
              <ChannelAvatar channel={channel} />
              {account}
            </Group>
          </Table.Td>
          <Table.Td>
            <Stack gap={4} align="flex-start">
              <NetworkBadge network={channel.network} name={networkLabel} />
              {serverLine}
            </Stack>
          </Table.Td>
          <Table.Td className="relais-wrap" miw={190}>
            <Stack gap={4} align="flex-start">
              <HealthBadge channel={channel} />
              {reasonLine}
            </Stack>
          </Table.Td>
        </>
      )}
      {manage && !compact && <Table.Td ta="right">{actions}</Table.Td>}
    </Table.Tr>
  );
}

/** Connected, Reconnect needed, Rate-limited until a time, Disconnected. */
function HealthBadge({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label =
    channel.status === 'rate_limited'
      ? channel.rateLimitedUntil
        ? t('channels.health.rate_limited_until', { time: format.moment(channel.rateLimitedUntil) })
        : t('channels.health.rate_limited')
      : t(`channels.health.${channel.status}`);
  return (
    <Badge
      variant="light"
      color={statusColors[channel.status]}
      radius="sm"
      tt="none"
      fw={600}
      leftSection={<span className="relais-status-dot" aria-hidden="true" />}
      title={channel.status === 'rate_limited' && channel.rateLimitedUntil ? format.dateTime(channel.rateLimitedUntil) : undefined}
      data-testid="channel-health"
    >
      {label}
    </Badge>
  );
}
