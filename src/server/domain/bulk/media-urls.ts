// Media named by URL in a CSV. The dry run only asks whether Relais may fetch
// the URL (well-formed http(s), its host resolving to addresses the SSRF guard
// allows); the import downloads it through the one outbound HTTP client (the
// guard checks the address connected to and every redirect hop) and the media
// library then applies its own type and weight rules.
import { AppError } from '../../errors.ts';
import type { MessageCode } from '../../i18n/messages.ts';
import { HttpRequestError, type HttpClient } from '../../net/http-client.ts';
import { BlockedUrlError, type SsrfGuard } from '../../net/ssrf-guard.ts';

export interface UrlVerdict {
  code: MessageCode;
  params: Record<string, string | number>;
}

export interface MediaUrlSource {
  /** Null when Relais may fetch the URL; otherwise why not. Nothing is downloaded. */
  check(url: string): Promise<UrlVerdict | null>;
  /** The file, or an AppError saying why it could not be had (refused address, HTTP status, too heavy). */
  download(url: string): Promise<{ bytes: Uint8Array; fileName: string }>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}

function verdictFor(error: BlockedUrlError, url: string): UrlVerdict {
  if (error.reason === 'private_address') return { code: 'csv_media_url_refused', params: { host: hostOf(url) } };
  if (error.reason === 'unresolvable') return { code: 'csv_media_host_unknown', params: { host: hostOf(url) } };
  return { code: 'csv_media_url_invalid', params: { value: url.slice(0, 200) } };
}

/** The last path segment, as the library's file name (the library cleans it again). */
function fileNameOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'media';
  } catch {
    return 'media';
  }
}

export function createMediaUrlSource(deps: { http: HttpClient; guard: SsrfGuard; maxBytes: () => number; tooLarge: () => AppError; timeoutMs?: number }): MediaUrlSource {
  return {
    async check(url) {
      try {
        await deps.guard.assertAllowed(url);
        return null;
      } catch (error) {
        if (error instanceof BlockedUrlError) return verdictFor(error, url);
        throw error;
      }
    },

    async download(url) {
      let response;
      try {
        response = await deps.http.request({ method: 'GET', url, maxResponseBytes: deps.maxBytes(), timeoutMs: deps.timeoutMs ?? 30_000 });
      } catch (error) {
        if (error instanceof BlockedUrlError) {
          const verdict = verdictFor(error, url);
          throw new AppError(422, verdict.code, verdict.params);
        }
        if (error instanceof HttpRequestError && error.reason === 'response_too_large') throw deps.tooLarge();
        if (error instanceof HttpRequestError) throw new AppError(422, 'csv_media_download_failed', { host: hostOf(url), reason: error.reason });
        throw error;
      }
      if (!response.ok) throw new AppError(422, 'csv_media_download_failed', { host: hostOf(url), reason: `HTTP ${response.status}` });
      return { bytes: response.bytes(), fileName: fileNameOf(response.url || url) };
    },
  };
}
