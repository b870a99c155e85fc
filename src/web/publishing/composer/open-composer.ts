// The composer opens over any page as a large dialog, from the address bar:
// `?compose=new` (with `&at=2027-03-29T09:00` for a slot clicked on the
// calendar) or `?compose=<postId>` to edit. Back closes it; a link can open it.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { WallClock } from '../zoned-time.ts';

export const composeParam = 'compose';
export const composeAtParam = 'at';

export interface OpenComposerOptions {
  /** The post to edit; a new post when absent. */
  postId?: string;
  /** A new post's planned time, in the workspace's zone. */
  at?: WallClock | null;
}

/** Opens the composer dialog over the current page. */
export function useOpenComposer(): (options?: OpenComposerOptions) => void {
  const [, setSearchParams] = useSearchParams();
  return useCallback(
    (options: OpenComposerOptions = {}) =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        next.set(composeParam, options.postId ?? 'new');
        if (options.at) next.set(composeAtParam, options.at);
        else next.delete(composeAtParam);
        return next;
      }),
    [setSearchParams],
  );
}

/** What the address bar asks of the composer dialog, and how to close it. */
export function useComposerRequest() {
  const [searchParams, setSearchParams] = useSearchParams();
  const value = searchParams.get(composeParam);
  const at = searchParams.get(composeAtParam);
  const close = useCallback(
    () =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        next.delete(composeParam);
        next.delete(composeAtParam);
        return next;
      }),
    [setSearchParams],
  );
  return {
    opened: value !== null,
    postId: value && value !== 'new' ? value : null,
    at: at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at) ? at : null,
    close,
  };
}
