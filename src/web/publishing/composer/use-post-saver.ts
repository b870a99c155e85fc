// Saving the composer's post: the first save creates it, the next ones update
// it with the version they were made from. Saves run one after the other (an
// autosave still on its way finishes before the person's own click is sent),
// and drafts are saved by themselves a moment after the last keystroke.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PostInput, PostView } from '../../../shared/publishing.ts';
import { isApiError } from '../../api/client.ts';
import { publishingKeys, savePost } from '../publishing-api.ts';

export type SaveStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: number } | { state: 'error'; error: Error };

const AUTOSAVE_DELAY_MS = 1500;

export function usePostSaver(workspaceId: string, initial: { postId: string | null; version: number | null; scheduleKind: PostView['scheduleKind'] | null }) {
  const queryClient = useQueryClient();
  const saved = useRef({ ...initial });
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [postId, setPostId] = useState(initial.postId);

  const save = useCallback(
    (input: PostInput, options: { auto: boolean }): Promise<PostView> => {
      const run = chain.current.catch(() => undefined).then(async () => {
        setStatus({ state: 'saving' });
        const { postId: id, version } = saved.current;
        try {
          const post = await savePost(workspaceId, id, id && version ? { ...input, version } : input);
          saved.current = { postId: post.id, version: post.version, scheduleKind: post.scheduleKind };
          setPostId(post.id);
          queryClient.setQueryData(publishingKeys.post(workspaceId, post.id), post);
          void queryClient.invalidateQueries({ queryKey: publishingKeys.posts(workspaceId), refetchType: options.auto ? 'none' : 'active' });
          void queryClient.invalidateQueries({ queryKey: publishingKeys.calendar(workspaceId) });
          setStatus({ state: 'saved', at: Date.now() });
          return post;
        } catch (error) {
          setStatus({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
          throw error;
        }
      });
      chain.current = run;
      return run;
    },
    [workspaceId, queryClient],
  );

  /** Whether saving as a draft by itself is harmless: a new post, or one that is still a draft. */
  const canAutosave = () => saved.current.postId === null || saved.current.scheduleKind === 'draft';

  return { postId, status, save, canAutosave };
}

/** Saves `input` as a draft once it has stopped changing for a moment. */
export function useAutosave({ enabled, input, save }: { enabled: boolean; input: PostInput; save: (input: PostInput) => Promise<unknown> }) {
  const key = JSON.stringify(input);
  // What the composer opened with is already saved (or empty): only changes are saved.
  const lastSaved = useRef(key);
  const stopped = useRef(false);
  const latest = useRef({ input, save });
  useEffect(() => {
    latest.current = { input, save };
  });

  useEffect(() => {
    if (!enabled || stopped.current || key === lastSaved.current) return;
    const timer = setTimeout(() => {
      const { input: current, save: run } = latest.current;
      lastSaved.current = key;
      run(current).catch((error: unknown) => {
        // Someone else changed the post: stop overwriting; the person is told by the status.
        if (isApiError(error, 409)) stopped.current = true;
        // Else the next change tries again.
        else lastSaved.current = '';
      });
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enabled, key]);
}
