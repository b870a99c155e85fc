// One colour per channel, the same on every visit and whatever the filters:
// channels take the palette in the order they were connected, so connecting a
// new account never repaints the others. Red is left out: it means "failed".
import type { Channel } from '../../shared/api-types.ts';

/** Mantine colour names; each has a light tint and a filled tone in both colour schemes. */
export const channelPalette = ['blue', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'violet', 'indigo', 'green'] as const;
export type ChannelColor = (typeof channelPalette)[number];

function hashIndex(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % channelPalette.length;
}

/** Colour by channel id for the workspace's channels (connected or not). */
export function channelColors(channels: ReadonlyArray<Pick<Channel, 'id' | 'createdAt'>>): Map<string, ChannelColor> {
  const ordered = [...channels].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return new Map(ordered.map((channel, index) => [channel.id, channelPalette[index % channelPalette.length]]));
}

/** A channel's colour; one the list does not know (removed since) still gets a stable one. */
export function colorOf(colors: ReadonlyMap<string, ChannelColor>, channelId: string): ChannelColor {
  return colors.get(channelId) ?? channelPalette[hashIndex(channelId)];
}
