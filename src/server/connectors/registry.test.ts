import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { capabilities, type Connector, type ConnectorManifest } from './contract.ts';
import { ConnectorRegistry, createConnectorRegistry, type ConnectorDefinition } from './registry.ts';

function fakeDefinition(network: string, caps: ConnectorManifest['capabilities']): ConnectorDefinition<{ token: string }> {
  const manifest: ConnectorManifest = {
    network,
    displayName: network,
    auth: 'token',
    capabilities: caps,
    limits: { maxLength: 500, lengthUnit: 'characters', urlLength: 23, maxImages: 4, maxVideos: 0, imageTypes: ['image/png'], maxImageBytes: 1, maxAltTextLength: 1 },
    rateBudgets: [],
  };
  return {
    manifest,
    credentialsSchema: z.object({ token: z.string().min(1) }),
    serverUrl: () => `https://${network}.example`,
    connect: (credentials) => ({ manifest, credentials }) as unknown as Connector,
  };
}

describe('connector registry', () => {
  test('finds definitions by network and by capability', () => {
    const registry = new ConnectorRegistry([fakeDefinition('alpha', ['publish.text', 'search.posts']) as ConnectorDefinition, fakeDefinition('beta', ['publish.text']) as ConnectorDefinition]);
    assert.equal(registry.get('alpha')?.manifest.network, 'alpha');
    assert.equal(registry.get('gamma'), null);
    assert.throws(() => registry.require('gamma'), /no connector is registered for "gamma"/);
    assert.deepEqual(registry.withCapability('publish.text').map((d) => d.manifest.network), ['alpha', 'beta']);
    assert.deepEqual(registry.withCapability('search.posts').map((d) => d.manifest.network), ['alpha']);
    assert.deepEqual(registry.withCapability('activity.directMessages'), []);
    assert.deepEqual(registry.manifests().map((m) => m.network), ['alpha', 'beta']);
    assert.throws(() => registry.register(fakeDefinition('alpha', []) as ConnectorDefinition), /already registered/);
  });

  test('connect() validates the credentials first', () => {
    const registry = new ConnectorRegistry([fakeDefinition('alpha', []) as ConnectorDefinition]);
    assert.throws(() => registry.connect('alpha', { token: '' }, {} as never), z.ZodError);
    const connector = registry.connect('alpha', { token: 't', extra: 'dropped' }, {} as never) as unknown as { credentials: unknown };
    assert.deepEqual(connector.credentials, { token: 't' });
    assert.deepEqual(registry.parseCredentials('alpha', { token: 't' }), { token: 't' });
  });

  test('the shipped registry has Bluesky, whose manifest only names known capabilities', () => {
    const registry = createConnectorRegistry();
    const bluesky = registry.require('bluesky');
    assert.ok(bluesky.manifest.capabilities.every((capability) => capabilities.includes(capability)));
    assert.ok(!bluesky.manifest.capabilities.includes('activity.directMessages'));
    assert.ok(registry.withCapability('search.posts').includes(bluesky));
    assert.deepEqual(bluesky.manifest.limits, {
      maxLength: 300,
      lengthUnit: 'graphemes',
      urlLength: null,
      maxImages: 4,
      maxVideos: 0,
      imageTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
      maxImageBytes: 1_000_000,
      maxAltTextLength: 2000,
    });
    const credentials = registry.parseCredentials('bluesky', { identifier: '@Brand.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
    assert.deepEqual(credentials, { serviceUrl: 'https://bsky.social', identifier: 'Brand.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
    assert.equal(bluesky.serverUrl(credentials), 'https://bsky.social');
    // The account's own password is refused: only an app password.
    assert.throws(() => registry.parseCredentials('bluesky', { identifier: 'brand.bsky.social', appPassword: 'my real password' }), z.ZodError);
  });
});
