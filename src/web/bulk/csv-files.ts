// Files in and out of the import page: a chosen file read as text the way the
// server reads it (UTF-8, or Windows-1252 from an older Excel), and the template
// offered for download, with example lines in the person's language.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Locale } from '../../shared/locales.ts';

/** The import's limit, checked before sending so a person does not wait for a refusal. */
export const maxCsvBytes = 2 * 1024 * 1024;

export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const templates: Record<Locale, string[][]> = {
  en: [
    ['date', 'channels', 'text', 'media_url', 'alt_text', 'first_reply', 'campaign'],
    ['2030-03-29 09:00', '@brand.bsky.social | @brand@mastodon.social', 'Our spring collection is here!\nCome and see it in store.', 'https://example.com/spring.jpg', 'Three dresses on a rail', 'All the details: https://example.com/spring', 'Spring'],
    ['29/03/2030 18:30', '@brand.bsky.social', 'A second post, the same day in the evening.', '', '', '', ''],
    ['', '@brand.bsky.social', 'No date: this line becomes a draft.', '', '', '', ''],
  ],
  fr: [
    ['date_heure', 'canaux', 'texte', 'url_media', 'texte_alternatif', 'premiere_reponse', 'campagne'],
    ['29/03/2030 09:00', '@marque.bsky.social | @marque@mastodon.social', 'La collection de printemps est arrivée !\nVenez la découvrir en boutique.', 'https://example.com/printemps.jpg', 'Trois robes sur un portant', 'Tous les détails : https://example.com/printemps', 'Printemps'],
    ['29/03/2030 18:30', '@marque.bsky.social', 'Une deuxième publication, le même jour en soirée.', '', '', '', ''],
    ['', '@marque.bsky.social', 'Sans date : cette ligne devient un brouillon.', '', '', '', ''],
  ],
};

/** French spreadsheets expect `;`; the BOM makes them read UTF-8. */
export function templateCsv(locale: Locale): Blob {
  const text = stringify(templates[locale], { delimiter: locale === 'fr' ? ';' : ',', record_delimiter: 'windows', quoted_match: /\n/ });
  return new Blob(['\uFEFF' + text], { type: 'text/csv;charset=utf-8' });
}
