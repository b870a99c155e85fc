// What a Mastodon channel stores (sealed by the channel store): the instance
// and the OAuth token its authorization code was exchanged for
// (docs.joinmastodon.org, entities/Token). Mastodon's tokens do not expire and
// come without a refresh token; some servers speaking its API (Pleroma,
// Akkoma, GoToSocial) issue one with `expires_in`, kept here when they do.
import { z } from 'zod';

/** `https://example.social` without a trailing slash, path, query or fragment. */
export function normaliseServerUrl(input: string): string {
  const text = input.trim();
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('a Mastodon server is reached over https');
  if (url.username || url.password) throw new TypeError('a server address carries no user name or password');
  return url.origin;
}

export const serverUrlSchema = z
  .string()
  .trim()
  .min(3)
  .max(2000)
  .transform((value, context) => {
    try {
      return normaliseServerUrl(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'not a server address (e.g. mastodon.social)' });
      return z.NEVER;
    }
  });

export const mastodonCredentialsSchema = z.object({
  serverUrl: serverUrlSchema,
  accessToken: z.string().min(1),
  tokenType: z.string().default('Bearer'),
  /** Space-separated scopes the token was granted. */
  scope: z.string().default(''),
  /** Epoch seconds, as the token response gives it. */
  createdAt: z.number().int().nonnegative(),
  /** The account's id on the instance, filled in once known (it names the channel's rate-limit budget). */
  accountId: z.string().min(1).optional(),
  /** Its user name, filled in with the id (replies addressed to it start with its mention). */
  username: z.string().min(1).optional(),
  refreshToken: z.string().min(1).optional(),
  /** Epoch seconds after which the access token stops working, when the server said so. */
  expiresAt: z.number().int().positive().optional(),
});

export type MastodonCredentials = z.output<typeof mastodonCredentialsSchema>;
export type MastodonCredentialsInput = z.input<typeof mastodonCredentialsSchema>;

/** The OAuth application registered once per instance (stored in `oauth_app` by the caller). */
export const mastodonAppSchema = z.object({
  serverUrl: serverUrlSchema,
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUri: z.string().min(1),
});

export type MastodonApp = z.output<typeof mastodonAppSchema>;
