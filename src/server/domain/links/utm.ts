// A campaign's UTM parameters, added to the links of its posts. What the
// person wrote wins: a parameter already in the link is never replaced, and
// the link keeps its fragment (#…) at the end, where it belongs.

export interface UtmParameters {
  utm_source: string;
  utm_medium: string;
  utm_campaign: string | null;
}

export interface CampaignUtm {
  name: string;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
}

const filled = (value: string | null) => (value && value.trim() !== '' ? value.trim() : null);

/**
 * The parameters a campaign's links carry on a network: the campaign's own,
 * else the network's name as the source ("bluesky"), "social" as the medium,
 * and the campaign's name as the campaign.
 */
export function campaignUtm(campaign: CampaignUtm, network: string): UtmParameters {
  return {
    utm_source: filled(campaign.utm_source) ?? network,
    utm_medium: filled(campaign.utm_medium) ?? 'social',
    utm_campaign: filled(campaign.utm_campaign) ?? filled(campaign.name),
  };
}

/** The link with the parameters it lacks appended to its query (before any fragment); the rest of it as written. */
export function addUtm(url: string, utm: UtmParameters): string {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : url.slice(hashAt);
  const queryAt = base.indexOf('?');
  const present = new Set([...new URLSearchParams(queryAt < 0 ? '' : base.slice(queryAt + 1)).keys()].map((key) => key.toLowerCase()));
  const missing = new URLSearchParams();
  for (const [key, value] of Object.entries(utm)) if (value !== null && !present.has(key)) missing.append(key, value);
  if (missing.size === 0) return url;
  const separator = queryAt < 0 ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${missing.toString()}${fragment}`;
}
