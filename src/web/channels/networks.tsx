// How networks and channels look in the app: each network's colour and logo,
// a channel's avatar, address and server. Networks Relais learns about later
// get a neutral look until they are given one here.
import type { SVGProps } from 'react';
import { Avatar, Badge, Box } from '@mantine/core';
import type { Channel, NetworkInfo } from '../../shared/api-types.ts';
import { IconBroadcast } from '../ui/icons.tsx';

type GlyphProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number | string };

/** A filled logo, 24×24, in currentColor. Decorative. */
function glyph(d: string) {
  return function Glyph({ size = 16, ...props }: GlyphProps) {
    return (
      <svg xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false" {...props}>
        <path d={d} />
      </svg>
    );
  };
}

// Logos from Simple Icons (simpleicons.org, CC0).
const BlueskyGlyph = glyph(
  'M5.202 2.857C7.954 4.922 10.913 9.11 12 11.358c1.087-2.247 4.046-6.436 6.798-8.501C20.783 1.366 24 .213 24 3.883c0 .732-.42 6.156-.667 7.037-.856 3.061-3.978 3.842-6.755 3.37 4.854.826 6.089 3.562 3.422 6.299-5.065 5.196-7.28-1.304-7.847-2.97-.104-.305-.152-.448-.153-.327 0-.121-.05.022-.153.327-.568 1.666-2.782 8.166-7.847 2.97-2.667-2.737-1.432-5.473 3.422-6.3-2.777.473-5.899-.308-6.755-3.369C.42 10.04 0 4.615 0 3.883c0-3.67 3.217-2.517 5.202-1.026',
);
const MastodonGlyph = glyph(
  'M23.268 5.313c-.35-2.578-2.617-4.61-5.304-5.004C17.51.242 15.792 0 11.813 0h-.03c-3.98 0-4.835.242-5.288.309C3.882.692 1.496 2.518.917 5.127.64 6.412.61 7.837.661 9.143c.074 1.874.088 3.745.26 5.611.118 1.24.325 2.47.62 3.68.55 2.237 2.777 4.098 4.96 4.857 2.336.792 4.849.923 7.256.38.265-.061.527-.132.786-.213.585-.184 1.27-.39 1.774-.753a.057.057 0 0 0 .023-.043v-1.809a.052.052 0 0 0-.02-.041.053.053 0 0 0-.046-.01 20.282 20.282 0 0 1-4.709.545c-2.73 0-3.463-1.284-3.674-1.818a5.593 5.593 0 0 1-.319-1.433.053.053 0 0 1 .066-.054c1.517.363 3.072.546 4.632.546.376 0 .75 0 1.125-.01 1.57-.044 3.224-.124 4.768-.422.038-.008.077-.015.11-.024 2.435-.464 4.753-1.92 4.989-5.604.008-.145.03-1.52.03-1.67.002-.512.167-3.63-.024-5.545zm-3.748 9.195h-2.561V8.29c0-1.309-.55-1.976-1.67-1.976-1.23 0-1.846.79-1.846 2.35v3.403h-2.546V8.663c0-1.56-.617-2.35-1.848-2.35-1.112 0-1.668.668-1.67 1.977v6.218H4.822V8.102c0-1.31.337-2.35 1.011-3.12.696-.77 1.608-1.164 2.74-1.164 1.311 0 2.302.5 2.962 1.498l.638 1.06.638-1.06c.66-.999 1.65-1.498 2.96-1.498 1.13 0 2.043.395 2.74 1.164.675.77 1.012 1.81 1.012 3.12z',
);

interface NetworkLook {
  name: string;
  /** The brand colour: the logo's background, the badge's tint. */
  color: string;
  Glyph: (props: GlyphProps) => React.JSX.Element;
  /** Hosts most accounts of the network live on: their server goes unsaid. */
  usualHost?: (host: string) => boolean;
}

const looks: Record<string, NetworkLook> = {
  bluesky: {
    name: 'Bluesky',
    color: '#1185fe',
    Glyph: BlueskyGlyph,
    usualHost: (host) => host === 'bsky.social' || host.endsWith('.bsky.network'),
  },
  mastodon: { name: 'Mastodon', color: '#6364ff', Glyph: MastodonGlyph },
};

function fallbackLook(network: string): NetworkLook {
  return {
    name: network.charAt(0).toUpperCase() + network.slice(1),
    color: 'gray',
    Glyph: ({ size = 16, ...props }) => <IconBroadcast size={size} {...props} />,
  };
}

export function networkLook(network: string): NetworkLook {
  return looks[network] ?? fallbackLook(network);
}

/** The network's name as the server gives it, else as the app knows it. */
export function networkName(network: string, networks: readonly NetworkInfo[] | undefined): string {
  return networks?.find((n) => n.network === network)?.displayName ?? networkLook(network).name;
}

/** The network's logo, white on its colour, in a circle. */
export function NetworkMark({ network, size = 36 }: { network: string; size?: number }) {
  const { color, Glyph } = networkLook(network);
  return (
    <Box
      component="span"
      style={{ width: size, height: size, borderRadius: '50%', background: color, color: '#fff', display: 'inline-flex', alignItems: 'center', justifyContent: 'center', flexShrink: 0 }}
      aria-hidden="true"
    >
      <Glyph size={Math.round(size * 0.55)} />
    </Box>
  );
}

export function NetworkBadge({ network, name }: { network: string; name: string }) {
  const { color, Glyph } = networkLook(network);
  return (
    <Badge variant="light" color={color} radius="sm" tt="none" fw={600} leftSection={<Glyph size={12} />} data-network={network}>
      {name}
    </Badge>
  );
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  }
}

/** The channel's server when it is worth saying: a Mastodon instance, a Bluesky account off bsky.social. */
export function channelServer(channel: Pick<Channel, 'network' | 'serverUrl'>): string | null {
  const host = hostOf(channel.serverUrl);
  if (!host) return null;
  return networkLook(channel.network).usualHost?.(host) ? null : host;
}

/** "@brand.bsky.social", "@brand@mastodon.social": how people write the account. */
export function channelAddress(channel: Pick<Channel, 'network' | 'serverUrl' | 'handle'>): string {
  const handle = channel.handle.replace(/^@/, '');
  if (channel.network === 'mastodon' && !handle.includes('@')) return `@${handle}@${hostOf(channel.serverUrl)}`;
  return `@${handle}`;
}

/** The account's picture (initials when it has none), with its network's logo in the corner. */
export function ChannelAvatar({ channel, size = 38 }: { channel: Pick<Channel, 'network' | 'handle' | 'displayName' | 'avatarUrl'>; size?: number }) {
  const { color, Glyph } = networkLook(channel.network);
  const dot = Math.max(14, Math.round(size * 0.42));
  return (
    <Box pos="relative" style={{ flexShrink: 0, width: size, height: size }}>
      <Avatar
        src={channel.avatarUrl}
        name={channel.displayName?.trim() || channel.handle.replace(/^@/, '')}
        color="initials"
        size={size}
        radius="xl"
        alt=""
        imageProps={{ referrerPolicy: 'no-referrer' }}
      />
      <Box component="span" className="relais-network-dot" style={{ width: dot, height: dot, background: color }} aria-hidden="true">
        <Glyph size={Math.round(dot * 0.62)} />
      </Box>
    </Box>
  );
}
