// What stands between the post and its channels, channel by channel, in plain
// words. Clicking an issue opens that channel's tab, where it can be fixed.
import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContentIssue } from '../../../shared/publishing.ts';
import { channelAddress, ChannelAvatar } from '../../channels/networks.tsx';
import { IconAlert, IconCircleCheck } from '../../ui/icons.tsx';
import type { ChannelCheck } from './channel-checks.ts';
import { issueText, partLabel } from './issue-text.ts';

export function IssueList({ checks, onSelect }: { checks: ChannelCheck[]; onSelect: (channelId: string) => void }) {
  const { t } = useTranslation();
  const withIssues = checks.filter((check) => check.issues.length > 0);
  if (checks.length === 0) return null;
  if (withIssues.length === 0) {
    return (
      <Group gap={6} c="teal" data-testid="composer-ready">
        <IconCircleCheck size={16} />
        <Text size="sm" c="teal.7" fw={500}>
          {t('publishing.composer.ready', { count: checks.length })}
        </Text>
      </Group>
    );
  }
  return (
    <Paper withBorder radius="md" p="sm" data-testid="composer-issues" role="status" style={{ borderColor: 'var(--mantine-color-red-light-color)' }}>
      <Stack gap={8}>
        {withIssues.map(({ channel, issues }) => (
          <UnstyledButton key={channel.id} onClick={() => onSelect(channel.id)} style={{ borderRadius: 6 }}>
            <Group gap={10} wrap="nowrap" align="flex-start">
              <ChannelAvatar channel={channel} size={24} />
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="xs" fw={600}>
                  {channelAddress(channel)}
                </Text>
                {issues.map((issue, index) => (
                  <IssueLine key={index} issue={issue} multipart={issues.some((i) => i.part !== 0)} />
                ))}
              </Stack>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  );
}

function IssueLine({ issue, multipart }: { issue: ContentIssue; multipart: boolean }) {
  const { t } = useTranslation();
  const color = issue.severity === 'error' ? 'red' : 'orange';
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="composer-issue" data-code={issue.code} data-severity={issue.severity}>
      <IconAlert size={14} style={{ color: `var(--mantine-color-${color}-filled)`, flexShrink: 0, marginTop: 2 }} />
      <Text size="sm" c={issue.severity === 'error' ? undefined : 'dimmed'}>
        {multipart && (
          <Text span size="sm" fw={600}>
            {partLabel(t, issue.part)} ·{' '}
          </Text>
        )}
        {issueText(t, issue)}
      </Text>
    </Group>
  );
}
