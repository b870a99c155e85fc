// What the brand-voice check found, said plainly: a word to avoid (with what
// to say instead and why), a word every post should carry. Warnings only:
// the post can still be saved. Shows nothing when there is nothing to say.
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BrandFinding } from '../../shared/composer/brand-voice.ts';
import { IconAlert } from '../ui/icons.tsx';

export function BrandVoiceFindings({ findings }: { findings: readonly BrandFinding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlert />} title={t('composerKit.findings.title', { count: findings.length })} data-testid="brand-voice-findings">
      <List size="sm" spacing={6}>
        {findings.map((finding, index) => (
          <List.Item key={`${finding.ruleId}-${index}`} data-testid="brand-voice-finding" data-kind={finding.kind}>
            <Text size="sm" span>
              {finding.kind === 'missing'
                ? t('composerKit.findings.missing', { term: finding.term })
                : finding.suggestion
                  ? t('composerKit.findings.forbiddenWithSuggestion', { match: finding.match, suggestion: finding.suggestion })
                  : t('composerKit.findings.forbidden', { match: finding.match })}
            </Text>
            {finding.note && (
              <Text size="xs" c="dimmed">
                {finding.note}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
