// Brand-voice rules and the workspace dictionary (the words the spell check accepts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BrandRuleInput, BrandRuleView, DictionaryWord } from '../../shared/composer/kit-types.ts';
import { api, apiPath } from './client.ts';
import { queryKeys } from './keys.ts';

export function useBrandRules(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.brandRules(workspaceId),
    queryFn: async () => (await api.get<{ rules: BrandRuleView[] }>(apiPath`/api/workspaces/${workspaceId}/brand-rules`)).rules,
  });
}

export function useSaveBrandRule(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: BrandRuleInput }) =>
      id
        ? api.patch<{ rule: BrandRuleView }>(apiPath`/api/workspaces/${workspaceId}/brand-rules/${id}`, input)
        : api.post<{ rule: BrandRuleView }>(apiPath`/api/workspaces/${workspaceId}/brand-rules`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.brandRules(workspaceId) }),
  });
}

export function useDeleteBrandRule(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/brand-rules/${ruleId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.brandRules(workspaceId) }),
  });
}

export function useDictionaryWords(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.dictionaryWords(workspaceId),
    queryFn: async () => (await api.get<{ words: DictionaryWord[] }>(apiPath`/api/workspaces/${workspaceId}/dictionary-words`)).words,
  });
}

/** Adding or removing a word changes what the spell check reports: both caches are refreshed. */
function useRefreshDictionary(workspaceId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.dictionaryWords(workspaceId) }),
      queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId, 'spellcheck'] }),
    ]);
}

export function useAddDictionaryWord(workspaceId: string) {
  const refresh = useRefreshDictionary(workspaceId);
  return useMutation({
    mutationFn: (word: string) => api.post<{ words: DictionaryWord[] }>(apiPath`/api/workspaces/${workspaceId}/dictionary-words`, { word }),
    onSettled: refresh,
  });
}

export function useRemoveDictionaryWord(workspaceId: string) {
  const refresh = useRefreshDictionary(workspaceId);
  return useMutation({
    mutationFn: (word: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/dictionary-words/${word}`),
    onSettled: refresh,
  });
}
