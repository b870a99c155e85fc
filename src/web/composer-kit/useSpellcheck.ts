// Spell check while a person types: the text is sent once they pause
// (debounced), each text is checked once (cached by TanStack Query), and the
// issues shown are those of the last check that still sit where they were, so
// an underline never lands on the wrong word while the next check runs.
import { useEffect } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import type { SpellcheckResponse, SpellIssue, SpellLanguage } from '../../shared/composer/kit-types.ts';
import { api, apiPath } from '../api/client.ts';
import { queryKeys } from '../api/keys.ts';

export interface SpellcheckState {
  /** Misspelled words of `text`, in order (offsets are UTF-16 indexes into `text`). */
  issues: SpellIssue[];
  /** A check is on its way (the first one in a language after the server started waits for its dictionary). */
  isChecking: boolean;
  /** The last check failed (issues are then empty). */
  error: Error | null;
}

export interface SpellcheckOptions {
  /** False to pause checking (a hidden field, a person without 'content:write'). */
  enabled?: boolean;
  /** Pause after the last keystroke before checking; 600 ms unless told. */
  delayMs?: number;
}

/** While some suggestions were still being looked for, the server is asked again this often. */
const incompleteRefetchMs = 1_500;

export function useSpellcheck(workspaceId: string, text: string, language: SpellLanguage, options: SpellcheckOptions = {}): SpellcheckState {
  const { enabled = true, delayMs = 600 } = options;
  const [debounced] = useDebouncedValue(text, delayMs);
  // An empty text asks the server to load the language's dictionary now (seconds for French, once per
  // server process), so it is ready by the time the person pauses.
  useEffect(() => {
    if (!enabled) return;
    api.post<SpellcheckResponse>(apiPath`/api/workspaces/${workspaceId}/spellcheck`, { text: '', language }).catch(() => {});
  }, [workspaceId, language, enabled]);
  const active = enabled && debounced.trim() !== '';
  const query = useQuery({
    queryKey: queryKeys.spellcheck(workspaceId, language, debounced),
    queryFn: async () => ({
      text: debounced,
      result: await api.post<SpellcheckResponse>(apiPath`/api/workspaces/${workspaceId}/spellcheck`, { text: debounced, language }),
    }),
    enabled: active,
    // The previous text's issues stay visible (where still valid) while the new text is checked.
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
    refetchInterval: (current) => (current.state.data && !current.state.data.result.complete ? incompleteRefetchMs : false),
  });
  const checked = active ? query.data : undefined;
  const issues = checked ? checked.result.issues.filter((issue) => text.slice(issue.offset, issue.offset + issue.length) === issue.word) : [];
  return {
    issues: text.trim() === '' ? [] : issues,
    // Waiting for the pause after typing counts as checking too: nothing is known about this text yet.
    isChecking: enabled && text.trim() !== '' && (debounced !== text || (active && query.isFetching)),
    error: active ? query.error : null,
  };
}
