export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

/** Picks French or English from an Accept-Language header or a stored preference. */
export function pickLocale(...candidates: Array<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(',')) {
      const tag = part.split(';')[0].trim().toLowerCase();
      if (tag.startsWith('fr')) return 'fr';
      if (tag.startsWith('en')) return 'en';
    }
  }
  return 'en';
}
