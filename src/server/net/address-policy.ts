// Which IP addresses a user-supplied URL may reach. The default answer is "only
// the public internet": a person who can type a Mastodon instance or an RSS
// feed URL must not be able to make Relais call its own admin ports, the
// database next door or the cloud provider's metadata service.
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Where a connection is about to go; the port lets a test (or an operator's policy) allow one local service only. */
export interface ConnectTarget {
  hostname: string;
  port: number;
}

/** Decides whether Relais may open a connection to `address` (an IP literal) for `target`. */
export type AddressPolicy = (address: string, target: ConnectTarget) => boolean;

// Metadata services hand out cloud credentials. No Relais feature needs them,
// so they stay blocked even when private URLs are allowed (a home lab that
// allows 192.168.x still must not leak its instance role).
// (AWS, GCP, Azure: 169.254.169.254; AWS IPv6: fd00:ec2::254; Alibaba: 100.100.100.200; Oracle: 192.0.0.192.)
const cloudMetadataAddresses = new Set(
  ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '192.0.0.192'].map((address) => ipaddr.parse(address).toNormalizedString()),
);

// IPv6 that is routed on the internet lives in 2000::/3; ipaddr.js calls the
// unallocated rest "unicast" too, which is not the same as public.
const globalUnicastV6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** True for an address on the public internet (not loopback, private, link-local, CGNAT, multicast, reserved…). */
export function isPublicAddress(address: string): boolean {
  const ip = parseAddress(address);
  if (!ip) return false;
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  const v6 = ip as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) return embedded.range() === 'unicast';
  return v6.range() === 'unicast' && v6.match(globalUnicastV6);
}

/** True for the cloud metadata endpoints, in any notation that reaches them. */
export function isCloudMetadataAddress(address: string): boolean {
  const ip = parseAddress(address);
  if (!ip) return false;
  const v4 = ip.kind() === 'ipv6' ? embeddedIPv4(ip as ipaddr.IPv6) : null;
  return cloudMetadataAddresses.has((v4 ?? ip).toNormalizedString());
}

/** The policy Relais applies: public addresses only, or everything but metadata when private URLs are allowed. */
export function defaultAddressPolicy(allowPrivateUrls: boolean): AddressPolicy {
  return allowPrivateUrls ? (address) => !isCloudMetadataAddress(address) : (address) => isPublicAddress(address);
}

function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIP(bare.split('%')[0]) === 0) return null;
  try {
    return ipaddr.parse(bare);
  } catch {
    return null;
  }
}

/**
 * The IPv4 address an IPv6 address stands for, when it is one of the forms that
 * end up at an IPv4 host: IPv4-mapped (::ffff:a.b.c.d), IPv4-translated,
 * NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:aabb:ccdd::) and the deprecated
 * IPv4-compatible (::a.b.c.d). Judging the IPv4 address inside keeps
 * ::ffff:127.0.0.1 and 64:ff9b::10.0.0.1 out.
 */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = ip.parts;
  const fromParts = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (ip.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return fromParts(p[6], p[7]);
    case 'rfc6052':
      // 64:ff9b:1::/48 is NAT64 for local use (RFC 8215): no public IPv4 behind it.
      return p[2] === 0 ? fromParts(p[6], p[7]) : new ipaddr.IPv4([10, 0, 0, 0]);
    case '6to4':
      return fromParts(p[1], p[2]);
    default:
      // ::a.b.c.d: the first 96 bits are zero (:: and ::1 land in 0.0.0.0/8, never public).
      return p.slice(0, 6).every((part) => part === 0) ? fromParts(p[6], p[7]) : null;
  }
}
