// What Relais keeps of a click on a short link: whether a bot made it (isbot's
// list of crawlers, link-preview fetchers and HTTP libraries), the browser
// family (bowser), and the referring site's host. Never the address, never the
// whole user-agent string.
import Bowser from 'bowser';
import { isbot, isbotMatch } from 'isbot';

export interface Visit {
  bot: boolean;
  /** "Chrome", "Safari", "Googlebot"…; null when unknown. */
  userAgentFamily: string | null;
  referrerHost: string | null;
}

export function describeVisit(userAgent: string | undefined, referrer: string | undefined): Visit {
  const agent = (userAgent ?? '').trim();
  // Browsers always say who they are: a request without a user agent is a script.
  const bot = agent === '' || isbot(agent);
  const family = agent === '' ? null : Bowser.getParser(agent).getBrowserName() || (bot ? isbotMatch(agent) : null) || null;
  return { bot, userAgentFamily: family ? family.slice(0, 60) : null, referrerHost: hostOf(referrer) };
}

function hostOf(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    const url = new URL(referrer);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.slice(0, 255) : null;
  } catch {
    return null;
  }
}
