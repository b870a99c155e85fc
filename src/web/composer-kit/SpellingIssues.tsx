// The misspelled words of a text, each with its suggestions as buttons and,
// for a brand or product name, a way to teach it to the workspace dictionary.
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SpellIssue } from '../../shared/composer/kit-types.ts';

export function SpellingIssues({
  issues,
  onReplace,
  onAddWord,
}: {
  issues: readonly SpellIssue[];
  /** Replace the word at the issue's place with a suggestion. */
  onReplace?: (issue: SpellIssue, suggestion: string) => void;
  /** Add the word to the workspace dictionary (shown only when given). */
  onAddWord?: (word: string) => void;
}) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="spelling-issues">
      {issues.map((issue) => (
        <Paper key={`${issue.offset}-${issue.word}`} withBorder radius="md" px="sm" py={8} data-testid="spelling-issue" data-word={issue.word}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600} td="underline" style={{ textDecorationStyle: 'wavy', textDecorationColor: 'var(--mantine-color-red-6)' }}>
              {issue.word}
            </Text>
            <Text size="sm" c="dimmed">
              {issue.suggestions.length > 0 ? t('composerKit.spelling.suggestions') : t('composerKit.spelling.noSuggestion')}
            </Text>
            {issue.suggestions.map((suggestion) =>
              onReplace ? (
                <Button key={suggestion} size="compact-xs" variant="light" onClick={() => onReplace(issue, suggestion)}>
                  {suggestion}
                </Button>
              ) : (
                <Text key={suggestion} size="sm" fw={500}>
                  {suggestion}
                </Text>
              ),
            )}
            {onAddWord && (
              <Button size="compact-xs" variant="subtle" color="gray" ml="auto" onClick={() => onAddWord(issue.word)}>
                {t('composerKit.spelling.addWord')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
