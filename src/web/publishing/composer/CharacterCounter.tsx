// How long a text is for one network, counted the way that network counts
// (Bluesky: graphemes; Mastodon: every link as 23), against its limit.
import { Group, RingProgress, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComposerLimits } from '../../../shared/composer/limits.ts';
import { sentTextLength } from '../../../shared/composer/validate-post.ts';
import { networkLook } from '../../channels/networks.tsx';

export function CharacterCounter({
  text,
  limits,
  network,
  showNetwork,
  shortLinkBaseUrl = null,
}: {
  text: string;
  limits: ComposerLimits;
  network: string;
  showNetwork: boolean;
  /** Set when the workspace shortens links: each link counts as the short link that will be sent. */
  shortLinkBaseUrl?: string | null;
}) {
  const { t } = useTranslation();
  const length = sentTextLength(text, limits, shortLinkBaseUrl);
  const left = limits.maxLength - length;
  const over = left < 0;
  const color = over ? 'red' : left <= 20 ? 'orange' : 'gray';
  const { name, Glyph, color: brand } = networkLook(network);
  const explanation = t(limits.urlLength ? 'publishing.counter.explainLinks' : 'publishing.counter.explainGraphemes', { network: name, max: limits.maxLength, url: limits.urlLength ?? 0 });
  return (
    <Tooltip label={explanation} withArrow multiline w={260}>
      <Group gap={6} wrap="nowrap" data-testid="composer-counter" data-network={network} data-over={over || undefined} data-length={length} aria-live="polite">
        {showNetwork && <Glyph size={13} style={{ color: brand }} />}
        <RingProgress
          size={22}
          thickness={3}
          roundCaps
          sections={[{ value: Math.min(100, (length / limits.maxLength) * 100), color: over ? 'red' : left <= 20 ? 'orange' : 'relais' }]}
          aria-hidden="true"
        />
        <Text size="xs" fw={over ? 700 : 500} c={color === 'gray' ? 'dimmed' : color} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {over ? t('publishing.counter.over', { count: -left }) : `${length} / ${limits.maxLength}`}
        </Text>
      </Group>
    </Tooltip>
  );
}
