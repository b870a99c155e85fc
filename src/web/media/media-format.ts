// How a file's weight and size read in the interface language.
import { useTranslation } from 'react-i18next';
import type { MediaView } from '../../shared/api-types.ts';

export function useMediaFormat() {
  const { i18n } = useTranslation();
  const tag = i18n.language?.startsWith('fr') ? 'fr-FR' : 'en-GB';
  const bytes = (value: number) => {
    const [unit, divisor] = value >= 1_000_000 ? (['megabyte', 1_000_000] as const) : (['kilobyte', 1_000] as const);
    return new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(Math.max(value / divisor, 0.1));
  };
  const dimensions = (media: MediaView) => (media.width && media.height ? `${media.width} × ${media.height}` : null);
  const duration = (ms: number | null) => {
    if (ms == null) return null;
    const seconds = Math.round(ms / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  };
  return { bytes, dimensions, duration };
}
