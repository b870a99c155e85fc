// "Connect a channel": pick the network, then sign in the way it wants — an
// app password typed here (Bluesky), or an authorization on the person's own
// server (Mastodon, OAuth). Reconnecting opens the same dialog, prefilled.
import { useId, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Collapse, Group, PasswordInput, Radio, SimpleGrid, Skeleton, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel, NetworkInfo } from '../../shared/api-types.ts';
import { useConnectChannel, useNetworks, useStartChannelOAuth } from '../api/channels.ts';
import { Dialog, DialogFormActions } from '../ui/dialog.tsx';
import { FormError } from '../ui/FormError.tsx';
import { IconChevronDown, IconExternalLink, IconKey, IconLock } from '../ui/icons.tsx';
import { QueryError } from '../ui/states.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { channelAddress, hostOf, NetworkMark } from './networks.tsx';

/** The ways of connecting this version of the app has a form for. */
const formAuths: ReadonlySet<NetworkInfo['auth']> = new Set(['appPassword', 'oauth2Pkce']);

const defaultBlueskyServer = 'https://bsky.social';
/** `xxxx-xxxx-xxxx-xxxx`, what Bluesky's settings generate (the server checks it too). */
const appPasswordPattern = /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/;

/** `https://host` from what a person typed: "mastodon.social", "https://mastodon.social/", "@me@mastodon.social". */
export function normaliseServer(input: string): string | null {
  let text = input.trim();
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    // A full Mastodon address: the server is after the last @.
    if (text.includes('@')) text = text.slice(text.lastIndexOf('@') + 1);
    text = `https://${text}`;
  }
  try {
    const url = new URL(text);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function ConnectChannelDialog({
  opened,
  reconnect,
  onClose,
  onConnected,
}: {
  opened: boolean;
  /** The channel to reconnect: its network, server and handle are prefilled. */
  reconnect: Channel | null;
  onClose: () => void;
  onConnected: (channel: Channel) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={reconnect ? t('channels.connect.reconnectTitle', { address: channelAddress(reconnect) }) : t('channels.connect.title')}
      size="lg"
    >
      {opened && <ConnectForm key={reconnect?.id ?? 'new'} reconnect={reconnect} onCancel={onClose} onConnected={onConnected} />}
    </Dialog>
  );
}

function ConnectForm({ reconnect, onCancel, onConnected }: { reconnect: Channel | null; onCancel: () => void; onConnected: (channel: Channel) => void }) {
  const { t } = useTranslation();
  const networks = useNetworks();
  const [chosen, setChosen] = useState<string | null>(reconnect?.network ?? null);

  if (networks.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={12} width={120} radius="sm" />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Skeleton height={68} radius="md" />
          <Skeleton height={68} radius="md" />
        </SimpleGrid>
      </Stack>
    );
  }
  if (networks.isError) return <QueryError error={networks.error} onRetry={() => void networks.refetch()} />;

  const available = networks.data.filter((network) => formAuths.has(network.auth));
  // With a single network there is nothing to choose.
  const selected = available.find((network) => network.network === (chosen ?? (available.length === 1 ? available[0].network : null))) ?? null;

  return (
    <Stack gap="lg">
      {available.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('channels.connect.noNetworks')}
        </Text>
      ) : (
        <NetworkChoice networks={available} value={selected?.network ?? null} onChange={setChosen} />
      )}
      {selected?.auth === 'appPassword' ? (
        <AppPasswordForm key={selected.network} network={selected} reconnect={reconnect?.network === selected.network ? reconnect : null} onCancel={onCancel} onConnected={onConnected} />
      ) : selected?.auth === 'oauth2Pkce' ? (
        <OAuthForm key={selected.network} network={selected} reconnect={reconnect?.network === selected.network ? reconnect : null} onCancel={onCancel} />
      ) : (
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function NetworkChoice({ networks, value, onChange }: { networks: NetworkInfo[]; value: string | null; onChange: (network: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Radio.Group label={t('channels.connect.network')} value={value} onChange={onChange} name={`network-${id}`}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mt={6}>
        {networks.map((network) => (
          <Radio.Card
            key={network.network}
            value={network.network}
            radius="md"
            p="sm"
            aria-label={network.displayName}
            aria-describedby={`${id}-${network.network}`}
            data-testid="network-option"
            data-network={network.network}
            className="relais-network-card"
          >
            <Group wrap="nowrap" gap="sm" align="center">
              <NetworkMark network={network.network} size={34} />
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text fw={600} size="sm">
                  {network.displayName}
                </Text>
                <Text size="xs" c="dimmed" id={`${id}-${network.network}`}>
                  {t(`channels.connect.auth.${network.auth}`)}
                </Text>
              </Stack>
              <Radio.Indicator />
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** Bluesky: server (rarely changed), handle, app password. */
function AppPasswordForm({
  network,
  reconnect,
  onCancel,
  onConnected,
}: {
  network: NetworkInfo;
  reconnect: Channel | null;
  onCancel: () => void;
  onConnected: (channel: Channel) => void;
}) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const connect = useConnectChannel(workspace.id);
  const initialServer = reconnect?.serverUrl || defaultBlueskyServer;
  const [server, setServer] = useState(initialServer);
  const [advanced, setAdvanced] = useState(normaliseServer(initialServer) !== defaultBlueskyServer);
  const [identifier, setIdentifier] = useState(reconnect?.handle.replace(/^@/, '') ?? '');
  const [appPassword, setAppPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const advancedId = useId();

  const serverUrl = normaliseServer(server);
  const handle = identifier.trim().replace(/^@/, '');
  const password = appPassword.trim();
  const serverError = !server.trim() ? t('validation.required') : !serverUrl ? t('channels.connect.serverInvalid') : null;
  const handleError = !handle ? t('validation.required') : null;
  const passwordError = !password ? t('validation.required') : !appPasswordPattern.test(password) ? t('channels.connect.appPasswordInvalid') : null;
  const usualServer = serverUrl === defaultBlueskyServer;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (serverError) setAdvanced(true);
    if (serverError || handleError || passwordError || !serverUrl) return;
    connect.mutate({ network: network.network, credentials: { serviceUrl: serverUrl, identifier: handle, appPassword: password } }, { onSuccess: onConnected });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {/* Help, not an alert: a note, and not labelled by its title (the field is "App password"). */}
        <Alert variant="light" color="blue" icon={<IconKey />} role="note" data-testid="app-password-help">
          <Stack gap={6}>
            <Text size="sm" fw={600} c="var(--alert-color)">
              {t('channels.connect.appPasswordHelpTitle')}
            </Text>
            <Text size="sm">{t('channels.connect.appPasswordHelp', { network: network.displayName })}</Text>
            <Text size="sm">{t('channels.connect.appPasswordNever')}</Text>
            {usualServer && (
              <Anchor href="https://bsky.app/settings/app-passwords" target="_blank" rel="noopener noreferrer" size="sm" fw={500}>
                {t('channels.connect.appPasswordLink', { network: network.displayName })}
                <IconExternalLink size={13} style={{ marginLeft: 4, verticalAlign: '-2px' }} />
              </Anchor>
            )}
          </Stack>
        </Alert>
        <FormError error={connect.error} />
        <TextInput
          label={t('channels.connect.handle')}
          description={t('channels.connect.handleHint')}
          placeholder="brand.bsky.social"
          value={identifier}
          onChange={(event) => setIdentifier(event.currentTarget.value)}
          error={checked ? handleError : null}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={320}
          data-autofocus={reconnect ? undefined : true}
        />
        <PasswordInput
          label={t('channels.connect.appPassword')}
          description={checked && passwordError ? undefined : t('channels.connect.appPasswordHint')}
          placeholder="xxxx-xxxx-xxxx-xxxx"
          value={appPassword}
          onChange={(event) => setAppPassword(event.currentTarget.value)}
          error={checked ? passwordError : null}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          data-autofocus={reconnect ? true : undefined}
        />
        <div>
          <UnstyledButton
            onClick={() => setAdvanced((open) => !open)}
            aria-expanded={advanced}
            aria-controls={advancedId}
            className="relais-disclosure"
            data-testid="advanced-toggle"
          >
            <Group gap={6} wrap="nowrap">
              <IconChevronDown size={14} style={{ transform: advanced ? 'none' : 'rotate(-90deg)', transition: 'transform 150ms ease' }} />
              <Text size="sm" fw={500} span>
                {t('channels.connect.advanced')}
              </Text>
              {!advanced && (
                <Text size="xs" c="dimmed" span truncate>
                  {t('channels.connect.advancedSummary', { server: hostOf(serverUrl ?? server) })}
                </Text>
              )}
            </Group>
          </UnstyledButton>
          <Collapse expanded={advanced} id={advancedId} keepMountedMode="display-none">
            <TextInput
              mt="sm"
              label={t('channels.connect.server')}
              description={t('channels.connect.serverHint')}
              placeholder={defaultBlueskyServer}
              value={server}
              onChange={(event) => setServer(event.currentTarget.value)}
              error={checked ? serverError : null}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              inputMode="url"
              maxLength={2000}
            />
          </Collapse>
        </div>
        <DialogFormActions submitLabel={t('channels.connect.submit')} pending={connect.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Mastodon: the person's server; they approve access there and come back. */
function OAuthForm({ network, reconnect, onCancel }: { network: NetworkInfo; reconnect: Channel | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const start = useStartChannelOAuth(workspace.id);
  const [server, setServer] = useState(reconnect ? hostOf(reconnect.serverUrl) : '');
  const [checked, setChecked] = useState(false);
  const [leaving, setLeaving] = useState(false);

  const serverUrl = normaliseServer(server);
  const serverError = !server.trim() ? t('validation.required') : !serverUrl ? t('channels.connect.mastodonServerInvalid') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (serverError || !serverUrl) return;
    start.mutate(
      { network: network.network, serverUrl },
      {
        onSuccess: ({ authorizeUrl }) => {
          setLeaving(true);
          window.location.assign(authorizeUrl);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={start.error} />
        <TextInput
          label={t('channels.connect.mastodonServer', { network: network.displayName })}
          description={t('channels.connect.mastodonServerHint')}
          placeholder="mastodon.social"
          value={server}
          onChange={(event) => setServer(event.currentTarget.value)}
          error={checked ? serverError : null}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          inputMode="url"
          maxLength={2000}
          data-autofocus
        />
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconLock size={16} style={{ flexShrink: 0, marginTop: 2, opacity: 0.7 }} />
          <Text size="sm" c="dimmed">
            {t('channels.connect.oauthHint', { server: serverUrl ? hostOf(serverUrl) : t('channels.connect.yourServer') })}
          </Text>
        </Group>
        <DialogFormActions submitLabel={t('channels.connect.submit')} pending={start.isPending || leaving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
