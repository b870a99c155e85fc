// Puts the feed pieces together for a process: the store, the fetcher (through
// the shared outbound HTTP client, so the SSRF guard and RELAIS_ALLOW_PRIVATE_URLS
// apply), the poster (through the publishing core's post service), the checker
// the jobs run, and the service the routes use.
import type { Services } from './services.ts';
import { FeedStore } from './domain/feeds/feed-store.ts';
import { FeedFetcher } from './domain/feeds/feed-fetcher.ts';
import { FeedPoster } from './domain/feeds/feed-poster.ts';
import { FeedChecker } from './domain/feeds/feed-checker.ts';
import { FeedService } from './domain/feeds/feed-service.ts';

export interface FeedParts {
  store: FeedStore;
  poster: FeedPoster;
  checker: FeedChecker;
  service: FeedService;
}

export function createFeedParts(services: Pick<Services, 'database' | 'channels' | 'publishing'>, now: () => number = Date.now): FeedParts {
  const db = services.database.db;
  const store = new FeedStore(db);
  const fetcher = new FeedFetcher({ http: services.channels.http });
  const poster = new FeedPoster({ db, store, posts: services.publishing.posts, manifest: (network) => services.channels.registry.get(network)?.manifest ?? null, now });
  const checker = new FeedChecker({ db, store, fetcher, poster, now });
  return { store, poster, checker, service: new FeedService({ db, store, fetcher, checker, now }) };
}
