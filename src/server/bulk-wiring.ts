// Puts the CSV pieces together for a process: the importer (checks with the
// publishing planner, writes with the post service, downloads media through the
// shared outbound HTTP client into the media library) and the calendar export.
import type { Services } from './services.ts';
import { CsvImporter } from './domain/bulk/csv-import.ts';
import { CalendarCsv } from './domain/bulk/calendar-csv.ts';
import { createMediaUrlSource } from './domain/bulk/media-urls.ts';
import { createSsrfGuard } from './net/ssrf-guard.ts';

export interface BulkParts {
  importer: CsvImporter;
  calendar: CalendarCsv;
  close(): Promise<void>;
}

export function createBulkParts(services: Services): BulkParts {
  const { config, media, publishing, channels } = services;
  // Only used to judge URLs during a dry run (it resolves names, connects nowhere); downloads use the shared client.
  const guard = createSsrfGuard({ allowPrivateUrls: config.allowPrivateUrls });
  const mediaUrls = createMediaUrlSource({
    http: channels.http,
    guard,
    maxBytes: () => Math.max(media.maxImageBytes, media.maxVideoBytes),
    tooLarge: () => media.tooLarge(),
  });
  const importer = new CsvImporter({
    db: services.database.db,
    planner: publishing.planner,
    posts: publishing.posts,
    media,
    mediaUrls,
    manifest: (network) => channels.registry.get(network)?.manifest ?? null,
    baseUrl: config.baseUrl,
  });
  return { importer, calendar: new CalendarCsv(services.database.db, config.baseUrl), close: () => guard.close() };
}
