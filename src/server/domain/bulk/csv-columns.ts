// The columns of a posts CSV, as documented (README, the import page): each has
// an English and a French header name, and a few spellings people actually
// type ("Date/heure", "Première réponse", "URL du média"). Export writes the
// English names; import accepts any of them.

export const importColumns = ['date', 'channels', 'text', 'media_url', 'alt_text', 'first_reply', 'campaign'] as const;
/** Written by the export so a person sees what happened; on import only `state = draft` means something. */
export const exportOnlyColumns = ['state', 'published_url'] as const;
export const csvColumns = [...importColumns, ...exportOnlyColumns] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** Columns an import cannot do without. */
export const requiredColumns: readonly CsvColumn[] = ['channels', 'text'];

const aliases: Record<CsvColumn, string[]> = {
  date: ['date', 'date_time', 'datetime', 'date_heure', 'dateheure', 'scheduled_at'],
  channels: ['channels', 'channel', 'canaux', 'canal', 'comptes', 'compte', 'accounts', 'account'],
  text: ['text', 'texte', 'message', 'contenu', 'content'],
  media_url: ['media_url', 'url_media', 'url_du_media', 'media', 'medias', 'image', 'image_url', 'url_image'],
  alt_text: ['alt_text', 'alt', 'texte_alternatif', 'texte_alt', 'description_media'],
  first_reply: ['first_reply', 'premiere_reponse', 'reply', 'reponse'],
  campaign: ['campaign', 'campagne'],
  state: ['state', 'etat', 'statut', 'status'],
  published_url: ['published_url', 'url_publiee', 'url_de_publication', 'lien_publie'],
};

const byAlias = new Map<string, CsvColumn>();
for (const column of csvColumns) for (const alias of aliases[column]) byAlias.set(alias, column);

/** "Date / heure" → "date_heure", "Première réponse" → "premiere_reponse". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The column a header names, or null when Relais does not know it. */
export function columnFor(header: string): CsvColumn | null {
  return byAlias.get(normalizeHeader(header)) ?? null;
}
