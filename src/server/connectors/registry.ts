// Every connector Relais knows, by network name. The rest of Relais asks here
// — for a network's definition, or for the networks that can do something —
// and never switches on a network's name itself.
import type { z } from 'zod';
import type { HttpClient } from '../net/http-client.ts';
import type { RateLimiter } from '../net/rate-limiter.ts';
import type { AccountProfile, Activity, Capability, Connector, ConnectorManifest } from './contract.ts';
import { blueskyDefinition } from './bluesky/index.ts';
import { mastodonDefinition } from './mastodon/index.ts';

/** What a connector is given to work with. */
export interface ConnectorDeps<Credentials = unknown> {
  /** The one outbound HTTP client (SSRF guard, time-outs, safe retries, budgets). */
  http: HttpClient;
  rateLimiter: RateLimiter;
  /**
   * Called when the connector signed in again or refreshed its tokens: the caller
   * stores `next` (sealed) so the next process starts from it. `next` is the
   * whole credentials object; a connector never puts an empty refresh token in it.
   */
  onCredentialsChanged(next: Credentials): Promise<void>;
}

export interface ConnectorDefinition<Credentials = unknown> {
  manifest: ConnectorManifest;
  /** Validates what a person typed (and what is stored): parse before `connect`. */
  credentialsSchema: z.ZodType<Credentials>;
  /** The server the channel talks to (shown, and part of the channel's identity). */
  serverUrl(credentials: Credentials): string;
  /** A connector for one account; it signs in lazily, on its first call. */
  connect(credentials: Credentials, deps: ConnectorDeps<Credentials>): Connector;
  /** Checks credentials typed into a form and says whose account they open. */
  testConnection?(credentials: Credentials, deps: ConnectorDeps<Credentials>): Promise<AccountProfile>;
  /**
   * For networks that push events: how a delivery is checked (signature over the raw body with the
   * channel's secret) and read (the activities it carries for the channel's account; others ignored).
   */
  webhook?: {
    verify(headers: Record<string, string | string[] | undefined>, rawBody: Buffer, secret: string): boolean;
    parse(body: unknown, account: { remoteId: string; serverUrl: string }): Activity[];
  };
}

export class ConnectorRegistry {
  private readonly definitions = new Map<string, ConnectorDefinition>();

  constructor(definitions: ConnectorDefinition[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  register(definition: ConnectorDefinition): void {
    const { network } = definition.manifest;
    if (this.definitions.has(network)) throw new Error(`a connector for "${network}" is already registered`);
    this.definitions.set(network, definition);
  }

  /** The definition for a network, or null when Relais has no connector for it. */
  get(network: string): ConnectorDefinition | null {
    return this.definitions.get(network) ?? null;
  }

  /** Like `get`, for callers that know the network exists (a stored channel). */
  require(network: string): ConnectorDefinition {
    const definition = this.get(network);
    if (!definition) throw new Error(`no connector is registered for "${network}"`);
    return definition;
  }

  list(): ConnectorDefinition[] {
    return [...this.definitions.values()];
  }

  manifests(): ConnectorManifest[] {
    return this.list().map((definition) => definition.manifest);
  }

  /** The definitions whose manifest declares `capability` (e.g. every network that can search posts). */
  withCapability(capability: Capability): ConnectorDefinition[] {
    return this.list().filter((definition) => definition.manifest.capabilities.includes(capability));
  }

  /** Validates credentials for a network (zod error on bad input). */
  parseCredentials(network: string, input: unknown): unknown {
    return this.require(network).credentialsSchema.parse(input);
  }

  /** Validates stored credentials, then connects. */
  connect(network: string, credentials: unknown, deps: ConnectorDeps): Connector {
    const definition = this.require(network);
    return definition.connect(definition.credentialsSchema.parse(credentials), deps);
  }
}

/** The connectors Relais ships. */
export function createConnectorRegistry(): ConnectorRegistry {
  return new ConnectorRegistry([blueskyDefinition as ConnectorDefinition, mastodonDefinition as ConnectorDefinition]);
}
