// Connecting, checking and disconnecting channels. The network-specific work
// is the connector's; this module keeps the channel's state machine
// (connected → reconnect needed / rate limited → connected; disabled) and
// makes sure nothing is half-stored when a connection fails.
import type { Connector, ConnectorManifest } from '../../connectors/contract.ts';
import { ConnectorError } from '../../connectors/contract.ts';
import { AppError } from '../../errors.ts';
import type { ChannelStore, ChannelView } from './channel-store.ts';
import { channelError } from './channel-errors.ts';

/** How the service reaches connectors (built from the registry and the HTTP client by the caller). */
export interface ConnectorProvider {
  manifest(network: string): ConnectorManifest | null;
  /** Validates what a person typed into the connect form; throws a translated validation error. */
  parseCredentials(network: string, input: unknown): { credentials: unknown; serverUrl: string };
  connect(network: string, credentials: unknown, onCredentialsChanged: (next: unknown) => Promise<void>): Connector;
}

/** Told once when a channel stops working and needs a person (admins are emailed). */
export type ReconnectNeededListener = (channel: ChannelView & { workspaceId: string }, reason: string) => Promise<void>;

export class ChannelService {
  private readonly store: ChannelStore;
  private readonly connectors: ConnectorProvider;
  private readonly onReconnectNeeded: ReconnectNeededListener;
  constructor(store: ChannelStore, connectors: ConnectorProvider, onReconnectNeeded: ReconnectNeededListener = async () => {}) {
    this.store = store;
    this.connectors = connectors;
    this.onReconnectNeeded = onReconnectNeeded;
  }

  private manifestOf(network: string): ConnectorManifest {
    const manifest = this.connectors.manifest(network);
    if (!manifest) throw new AppError(400, 'network_unknown');
    return manifest;
  }

  /** Connects (or reconnects) an account that signs in with a secret typed into Relais (app password, token). */
  async connectWithSecret(input: { workspaceId: string; userId: string; network: string; form: unknown }): Promise<ChannelView> {
    const manifest = this.manifestOf(input.network);
    const { credentials, serverUrl } = this.connectors.parseCredentials(input.network, input.form);
    let latest = credentials;
    const connector = this.connectors.connect(input.network, credentials, async (next) => {
      latest = next;
    });
    try {
      const profile = await connector.profile();
      // Stored only once the network accepted the credentials: a failure leaves nothing behind.
      return await this.store.saveConnected({ workspaceId: input.workspaceId, network: input.network, serverUrl, profile, credentials: latest, userId: input.userId });
    } catch (error) {
      throw channelError(error, { network: manifest.displayName, server: serverUrl });
    }
  }

  /** Connects an account once its OAuth authorization came back with credentials. */
  async connectAuthorized(input: { workspaceId: string; userId: string; network: string; serverUrl: string; credentials: unknown }): Promise<ChannelView> {
    const manifest = this.manifestOf(input.network);
    let latest = input.credentials;
    const connector = this.connectors.connect(input.network, input.credentials, async (next) => {
      latest = next;
    });
    try {
      const profile = await connector.profile();
      return await this.store.saveConnected({ ...input, profile, credentials: latest });
    } catch (error) {
      throw channelError(error, { network: manifest.displayName, server: input.serverUrl });
    }
  }

  /** A connector for a stored channel; refreshed credentials are saved as they change. */
  async connectorFor(channel: ChannelView): Promise<Connector | null> {
    const credentials = await this.store.credentials<Record<string, unknown>>(channel.id);
    if (!credentials || !this.connectors.manifest(channel.network)) return null;
    return this.connectors.connect(channel.network, credentials, (next) =>
      this.store.updateCredentials(channel.id, next as Record<string, unknown>, ['refreshJwt', 'refreshToken']),
    );
  }

  /** The network refused the channel's credentials during other work (publishing): same outcome as a failed check. */
  async reportAuthFailure(workspaceId: string, channelId: string, reason: string): Promise<void> {
    const channel = await this.store.get(workspaceId, channelId);
    if (!channel || channel.status === 'disabled') return;
    await this.store.setStatus(channelId, 'reconnect_needed', reason);
    if (channel.status !== 'reconnect_needed') await this.onReconnectNeeded({ ...channel, workspaceId }, reason);
  }

  /** Asks the network whether the channel still works, and records its health. */
  async check(workspaceId: string, channelId: string): Promise<ChannelView | null> {
    const channel = await this.store.get(workspaceId, channelId);
    if (!channel || channel.status === 'disabled') return channel;
    const connector = await this.connectorFor(channel);
    if (!connector) return channel;
    try {
      await (connector.checkCredentials ? connector.checkCredentials() : connector.profile());
      await this.store.setStatus(channel.id, 'connected');
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'auth') {
        const reason = error.networkMessage ?? error.message;
        await this.store.setStatus(channel.id, 'reconnect_needed', reason);
        if (channel.status !== 'reconnect_needed') await this.onReconnectNeeded({ ...channel, workspaceId }, reason);
      } else if (error instanceof ConnectorError && error.kind === 'rate_limited') {
        await this.store.setStatus(channel.id, 'rate_limited', error.networkMessage, error.retryAt?.getTime() ?? null);
      } else {
        throw channelError(error, { network: this.manifestOf(channel.network).displayName, server: channel.serverUrl });
      }
    }
    return this.store.get(workspaceId, channelId);
  }
}
