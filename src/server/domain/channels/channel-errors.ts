// What a person reads when connecting or using a channel fails: the network's
// own words where it gave some, in a translated sentence.
import { AppError } from '../../errors.ts';
import { ConnectorError } from '../../connectors/contract.ts';
import { BlockedUrlError } from '../../net/ssrf-guard.ts';
import { HttpRequestError } from '../../net/http-client.ts';
import { RateLimitedError } from '../../net/rate-limiter.ts';

export function channelError(error: unknown, context: { network: string; server: string }): AppError {
  if (error instanceof AppError) return error;
  // A connector may wrap the guard's refusal; the person needs to hear it is the address.
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof BlockedUrlError) return channelError(cause, context);
  if (error instanceof BlockedUrlError) return new AppError(400, error.reason === 'private_address' ? 'url_blocked' : 'channel_unreachable', { server: context.server });
  if (error instanceof HttpRequestError) return new AppError(502, 'channel_unreachable', { server: context.server });
  if (error instanceof RateLimitedError) return new AppError(429, 'channel_rate_limited', { network: context.network, time: new Date(error.retryAt).toISOString() });
  if (error instanceof ConnectorError) {
    const detail = error.networkMessage ?? error.message;
    switch (error.kind) {
      case 'auth':
        return new AppError(400, 'channel_auth_failed', { network: context.network, detail });
      case 'rate_limited':
        return new AppError(429, 'channel_rate_limited', { network: context.network, time: error.retryAt?.toISOString() ?? '' });
      case 'rejected':
        return new AppError(422, 'channel_failed', { network: context.network, detail });
      default:
        return new AppError(502, 'channel_failed', { network: context.network, detail });
    }
  }
  throw error;
}
