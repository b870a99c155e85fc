import { describe, test } from 'node:test';
import { createServer as createTlsServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { defaultAddressPolicy, isCloudMetadataAddress, isPublicAddress, type AddressPolicy } from './address-policy.ts';
import { BlockedUrlError, createSsrfGuard, type BlockedUrlReason, type Resolver, type SsrfGuardOptions } from './ssrf-guard.ts';
import { startTestServer } from './test-http-server.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';

function guard(options: SsrfGuardOptions) {
  const created = createSsrfGuard(options);
  onCleanup(() => created.close());
  return created;
}

/** A resolver that answers from a table, so no test asks a real DNS server about a public name. */
function fakeResolver(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const answer = table[hostname];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer;
  };
  return Object.assign(resolve, { calls });
}

const blocked = (reason: BlockedUrlReason) => (error: unknown) => {
  assert.ok(error instanceof BlockedUrlError, `expected BlockedUrlError, got ${String(error)}`);
  assert.equal(error.reason, reason);
  return true;
};

const privateIPv4 = [
  '127.0.0.1', '127.255.255.254', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.1.1',
  '169.254.169.254', '169.254.0.1', '100.64.0.1', '100.127.255.255', '0.0.0.0', '0.1.2.3', '255.255.255.255',
  '224.0.0.1', '239.255.255.250', '240.0.0.1', '192.0.0.192', '192.0.2.1', '198.18.0.1', '198.51.100.7', '203.0.113.9',
];
const privateIPv6 = [
  '::1', '::', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456:789a::1', 'fd00:ec2::254', 'ff02::1', 'fec0::1',
  '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '::ffff:0:127.0.0.1',
  '64:ff9b::a00:1', '64:ff9b::7f00:1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::5db8:d822', '2002:7f00:1::1', '2002:a00:1::',
  '::127.0.0.1', '2001:db8::1', '2001::1', '100::1', '4000::1',
];
const publicAddresses = ['93.184.216.34', '1.1.1.1', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a01:4f8::1', '::ffff:93.184.216.34', '64:ff9b::5db8:d822', '2002:5db8:d822::1'];

describe('address policy', () => {
  test('private, loopback, link-local, CGNAT, multicast, reserved IPv4 are not public', () => {
    for (const address of privateIPv4) assert.equal(isPublicAddress(address), false, address);
  });

  test('loopback, link-local, unique-local, multicast IPv6 and IPv6 forms of private IPv4 are not public', () => {
    for (const address of privateIPv6) assert.equal(isPublicAddress(address), false, address);
  });

  test('public addresses are public, also through IPv4-mapped, NAT64 and 6to4 forms', () => {
    for (const address of publicAddresses) assert.equal(isPublicAddress(address), true, address);
  });

  test('what is not an IP address is not public', () => {
    for (const text of ['localhost', '', '2130706433', '0x7f.1', '1.2.3', '::g']) assert.equal(isPublicAddress(text), false, text);
  });

  test('allowPrivateUrls opens private ranges but never cloud metadata', () => {
    const open = defaultAddressPolicy(true);
    const target = { hostname: 'x', port: 80 };
    for (const address of ['127.0.0.1', '10.1.2.3', '192.168.0.10', '::1', 'fd12::1']) assert.equal(open(address, target), true, address);
    for (const address of ['169.254.169.254', '::ffff:169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '64:ff9b::a9fe:a9fe']) {
      assert.equal(isCloudMetadataAddress(address), true, address);
      assert.equal(open(address, target), false, address);
    }
  });
});

describe('URL checks (before any connection)', () => {
  const closed = createSsrfGuard({ allowPrivateUrls: false });
  onCleanup(() => closed.close());

  test('only http and https', () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/', 'gopher://example.org/', 'data:text/plain,hi', 'javascript:alert(1)', 'ws://example.org/']) {
      assert.throws(() => closed.checkUrl(url), blocked('scheme'), url);
    }
    assert.equal(closed.checkUrl('https://mastodon.social/api/v1/instance').host, 'mastodon.social');
  });

  test('no credentials in the URL', () => {
    for (const url of ['https://user:pass@example.org/', 'https://user@example.org/', 'https://:pass@example.org/']) assert.throws(() => closed.checkUrl(url), blocked('credentials'), url);
  });

  test('not a URL', () => {
    for (const url of ['', 'mastodon.social', 'http://', 'http://exa mple.org/']) assert.throws(() => closed.checkUrl(url), blocked('invalid_url'), url);
  });

  test('IP literals in any notation the URL parser normalises (decimal, octal, hex, short, IPv6)', () => {
    for (const url of [
      'http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://0x7f000001/', 'http://0177.0.0.1/', 'http://127.1/', 'http://0/',
      'http://017700000001/', 'http://10.0.0.1:8080/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/', 'http://[64:ff9b::a00:1]/', 'http://[fd00:ec2::254]/', 'http://[fe80::1]/', 'https://100.64.0.1/', 'http://255.255.255.255/', 'http://224.0.0.1/',
    ]) {
      assert.throws(() => closed.checkUrl(url), blocked('private_address'), url);
    }
    assert.equal(closed.checkUrl('http://93.184.216.34/').hostname, '93.184.216.34', 'a public literal passes');
  });

  test('error messages name the host but never the path or query', () => {
    assert.throws(() => closed.checkUrl('http://127.0.0.1/hook?token=hunter2'), (error: Error) => !error.message.includes('hunter2') && !error.message.includes('/hook'));
  });
});

describe('host names are resolved and judged', () => {
  test('a name resolving to a private address is refused (injected resolver)', async () => {
    const resolve = fakeResolver({ 'internal.example': ['10.0.0.5'], 'mixed.example': ['93.184.216.34', '127.0.0.1'], 'meta.example': ['169.254.169.254'], 'v6.example': ['::ffff:127.0.0.1'] });
    const closed = guard({ allowPrivateUrls: false, resolve });
    for (const host of ['internal.example', 'mixed.example', 'meta.example', 'v6.example']) {
      await assert.rejects(closed.assertAllowed(`https://${host}/feed.xml`), blocked('private_address'), host);
    }
  });

  test('a name resolving to public addresses is allowed (injected resolver, no connection made)', async () => {
    const resolve = fakeResolver({ 'example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'] });
    const url = await guard({ allowPrivateUrls: false, resolve }).assertAllowed('https://example.com/.well-known/nodeinfo');
    assert.equal(url.hostname, 'example.com');
    assert.deepEqual(resolve.calls, ['example.com']);
  });

  test('a name that does not resolve is refused as unresolvable', async () => {
    const closed = guard({ allowPrivateUrls: false, resolve: fakeResolver({ 'empty.example': [] }) });
    await assert.rejects(closed.assertAllowed('https://nowhere.example/'), blocked('unresolvable'));
    await assert.rejects(closed.assertAllowed('https://empty.example/'), blocked('unresolvable'));
  });

  test('localhost, resolved by the real system resolver, is refused', async () => {
    await assert.rejects(guard({ allowPrivateUrls: false }).assertAllowed('http://localhost:3000/'), blocked('private_address'));
    // With a trailing dot some resolvers answer 127.0.0.1 and others nothing: refused either way.
    await assert.rejects(guard({ allowPrivateUrls: false }).assertAllowed('http://LOCALHOST./'), (error: unknown) => error instanceof BlockedUrlError && ['private_address', 'unresolvable'].includes(error.reason));
  });

  test('with allowPrivateUrls, localhost and private names are accepted', async () => {
    assert.equal((await guard({ allowPrivateUrls: true }).assertAllowed('http://localhost:3000/')).port, '3000');
    assert.ok(await guard({ allowPrivateUrls: true, resolve: fakeResolver({ 'nas.home': ['192.168.1.20'] }) }).assertAllowed('http://nas.home/feed'));
  });
});

describe('requests through the guard (real servers on 127.0.0.1)', () => {
  test('the connection is refused before it is made', async () => {
    const server = await startTestServer((_request, response) => response.end('secret admin page'));
    const closed = guard({ allowPrivateUrls: false });
    await assert.rejects(closed.fetch(`${server.origin}/`), blocked('private_address'));
    await assert.rejects(closed.fetch(`http://localhost:${server.port}/`), blocked('private_address'));
    await assert.rejects(closed.fetch(`http://2130706433:${server.port}/`), blocked('private_address'));
    assert.equal(server.hits.length, 0);
  });

  test('DNS rebinding: the address connected to is the one checked, not an earlier answer', async () => {
    const server = await startTestServer((_request, response) => response.end('internal'));
    let answers = 0;
    // Public for the first question (the validation when the URL was saved), loopback afterwards.
    const rebinding: Resolver = async () => (answers++ === 0 ? ['93.184.216.34'] : ['127.0.0.1']);
    const closed = guard({ allowPrivateUrls: false, resolve: rebinding });
    await closed.assertAllowed(`http://rebind.example:${server.port}/`);
    await assert.rejects(closed.fetch(`http://rebind.example:${server.port}/`), blocked('private_address'));
    assert.equal(server.hits.length, 0);
  });

  test('allowed with allowPrivateUrls, by address and by name', async () => {
    const server = await startTestServer((request, response) => response.end(`hello ${request.url}`));
    const open = guard({ allowPrivateUrls: true });
    assert.equal(await (await open.fetch(`${server.origin}/a`)).text(), 'hello /a');
    assert.equal(await (await open.fetch(`http://localhost:${server.port}/b`)).text(), 'hello /b');
  });

  test('TLS still speaks to the host name (SNI) while connecting to the checked address', async () => {
    const names: string[] = [];
    // No certificate needed: the name arrives in the ClientHello, before any.
    const server = createTlsServer({ SNICallback: (name, callback) => { names.push(name); callback(new Error('no certificate here'), undefined); } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as AddressInfo;
    await assert.rejects(guard({ allowPrivateUrls: true }).fetch(`https://localhost:${port}/`));
    assert.deepEqual(names, ['localhost']);
  });

  describe('redirects: every hop is checked', () => {
    /** Allows exactly one local server (the first hop); everything else gets the production policy. */
    const onlyFirstHop = (port: number): AddressPolicy => (address, target) =>
      (address === '127.0.0.1' && target.port === port) || defaultAddressPolicy(false)(address, target);

    test('a public-looking first hop cannot redirect to a private address', async () => {
      const internal = await startTestServer((_request, response) => response.end('internal'));
      for (const location of [`http://127.0.0.1:${internal.port}/`, `http://localhost:${internal.port}/admin`, `http://[::ffff:127.0.0.1]:${internal.port}/`, `http://2130706433:${internal.port}/`]) {
        const first = await startTestServer((_request, response) => response.writeHead(302, { location }).end());
        const policed = guard({ allowPrivateUrls: false, isAllowed: onlyFirstHop(first.port) });
        await assert.rejects(policed.fetch(`${first.origin}/start`), blocked('private_address'), location);
        assert.equal(first.hits.length, 1, 'the first hop was really requested');
      }
      assert.equal(internal.hits.length, 0, 'the private target was never reached');
    });

    test('a redirect to another scheme or with credentials is refused', async () => {
      const first = await startTestServer((request, response) => response.writeHead(301, { location: request.url === '/a' ? 'file:///etc/passwd' : 'http://u:p@example.org/' }).end());
      const policed = guard({ allowPrivateUrls: false, isAllowed: onlyFirstHop(first.port) });
      await assert.rejects(policed.fetch(`${first.origin}/a`), blocked('scheme'));
      await assert.rejects(policed.fetch(`${first.origin}/b`), blocked('credentials'));
    });

    test('at most 5 redirects', async () => {
      const loop = await startTestServer((request, response, hit) => response.writeHead(302, { location: `/hop-${hit}` }).end());
      await assert.rejects(guard({ allowPrivateUrls: true }).fetch(`${loop.origin}/`), blocked('too_many_redirects'));
      assert.equal(loop.hits.length, 6, 'the first request and 5 redirects');

      const five = await startTestServer((request, response, hit) => (hit <= 5 ? response.writeHead(307, { location: `/hop-${hit}` }).end() : response.end('arrived')));
      const response = await guard({ allowPrivateUrls: true }).fetch(`${five.origin}/`);
      assert.equal(await response.text(), 'arrived');
      assert.equal(response.url, `${five.origin}/hop-5`);
    });

    test('303 continues as GET without the body; 307 repeats the POST; credentials stay with their origin', async () => {
      const target = await startTestServer((_request, response) => response.end('ok'));
      const first = await startTestServer((request, response) => {
        const to = request.url === '/see-other' ? '/done' : request.url === '/temporary' ? '/done' : `http://localhost:${target.port}/elsewhere`;
        if (request.url === '/done') response.end('done');
        else response.writeHead(request.url === '/see-other' ? 303 : request.url === '/temporary' ? 307 : 302, { location: to }).end();
      });
      const open = guard({ allowPrivateUrls: true });
      const post = { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t0ken' }, body: '{"a":1}' };

      await open.fetch(`${first.origin}/see-other`, post);
      assert.deepEqual([first.hits[1].method, first.hits[1].body, first.hits[1].headers['content-type']], ['GET', '', undefined]);
      assert.equal(first.hits[1].headers.authorization, 'Bearer t0ken', 'same origin keeps the credentials');

      await open.fetch(`${first.origin}/temporary`, post);
      assert.deepEqual([first.hits[3].method, first.hits[3].body], ['POST', '{"a":1}']);

      await open.fetch(`${first.origin}/cross-origin`, { method: 'GET', headers: { Authorization: 'Bearer t0ken', Cookie: 'sid=1', 'X-Other': 'kept' } });
      assert.equal(target.hits[0].headers.authorization, undefined);
      assert.equal(target.hits[0].headers.cookie, undefined);
      assert.equal(target.hits[0].headers['x-other'], 'kept');
    });
  });
});
