// What a Bluesky channel stores (sealed by the channel store): what the person
// typed (service, handle or email, app password) and the session the connector
// keeps alive. Only an app password is accepted: the account's own password
// would give Relais the power to change the account's email, password and
// handle, and 2FA-protected accounts refuse it anyway.
import { z } from 'zod';

export const defaultServiceUrl = 'https://bsky.social';

/** `xxxx-xxxx-xxxx-xxxx`, what Bluesky's settings generate. */
export const appPasswordPattern = /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/;

const jwt = z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]*$/, 'not a JWT');

export const blueskyCredentialsSchema = z.object({
  /** The PDS or entryway the account signs in to (https://bsky.social for most people). */
  serviceUrl: z
    .url({ protocol: /^https?$/ })
    .default(defaultServiceUrl)
    .transform((value) => value.replace(/\/+$/, '')),
  /** Handle (with or without a leading @) or the account's email. */
  identifier: z
    .string()
    .trim()
    .min(3)
    .max(320)
    .transform((value) => value.replace(/^@/, '')),
  appPassword: z.string().trim().regex(appPasswordPattern, 'an app password looks like xxxx-xxxx-xxxx-xxxx (Settings → Privacy and security → App passwords)'),
  // The session, filled in by the connector (never by the person).
  accessJwt: jwt.optional(),
  refreshJwt: jwt.optional(),
  did: z.string().regex(/^did:[a-z]+:[A-Za-z0-9._:%-]+$/).optional(),
  handle: z.string().optional(),
});

/** As stored and as given to `connect`. */
export type BlueskyCredentials = z.output<typeof blueskyCredentialsSchema>;
/** As typed into the connect form. */
export type BlueskyCredentialsInput = z.input<typeof blueskyCredentialsSchema>;
