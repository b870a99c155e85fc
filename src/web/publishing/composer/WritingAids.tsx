// Help while writing the first post's text: spelling (in the workspace's
// language, with the workspace dictionary) and the brand voice (words to
// avoid, words to carry) for the networks being written for. Warnings only:
// the words are underlined in the text (marks) and listed under it with
// their suggestions.
import { useMemo } from 'react';
import { Stack } from '@mantine/core';
import { checkBrandVoice, type BrandFinding } from '../../../shared/composer/brand-voice.ts';
import type { Locale } from '../../../shared/locales.ts';
import { useAddDictionaryWord, useBrandRules } from '../../api/brand-voice.ts';
import { BrandVoiceFindings } from '../../composer-kit/BrandVoiceFindings.tsx';
import { SpellingIssues } from '../../composer-kit/SpellingIssues.tsx';
import { textMarks, type TextMark } from '../../composer-kit/text-marks.ts';
import { useSpellcheck, type SpellcheckState } from '../../composer-kit/useSpellcheck.ts';
import { notifyError } from '../../ui/notify.tsx';

export interface WritingChecks {
  spelling: SpellcheckState;
  findings: BrandFinding[];
  marks: TextMark[];
}

export function useWritingChecks(workspaceId: string, language: Locale, text: string, networks: string[]): WritingChecks {
  const spelling = useSpellcheck(workspaceId, text, language);
  const rules = useBrandRules(workspaceId);
  const networksKey = networks.join(',');
  const findings = useMemo(() => {
    if (!rules.data?.length || text.trim() === '') return [];
    const seen = new Set<string>();
    const all: BrandFinding[] = [];
    for (const network of networksKey ? networksKey.split(',') : [undefined]) {
      for (const finding of checkBrandVoice(text, rules.data, network)) {
        const key = `${finding.ruleId}:${finding.kind === 'forbidden' ? finding.offset : ''}`;
        if (!seen.has(key)) {
          seen.add(key);
          all.push(finding);
        }
      }
    }
    return all;
  }, [rules.data, text, networksKey]);
  const marks = useMemo(() => textMarks(spelling.issues, findings), [spelling.issues, findings]);
  return { spelling, findings, marks };
}

export function WritingAids({ workspaceId, text, checks, onText }: { workspaceId: string; text: string; checks: WritingChecks; onText: (text: string) => void }) {
  const addWord = useAddDictionaryWord(workspaceId);
  const { spelling, findings } = checks;
  if (spelling.issues.length === 0 && findings.length === 0) return null;
  return (
    <Stack gap="xs">
      <SpellingIssues
        issues={spelling.issues}
        onReplace={(issue, suggestion) => onText(text.slice(0, issue.offset) + suggestion + text.slice(issue.offset + issue.length))}
        onAddWord={(word) => addWord.mutate(word, { onError: (error) => notifyError(error) })}
      />
      <BrandVoiceFindings findings={findings} />
    </Stack>
  );
}
