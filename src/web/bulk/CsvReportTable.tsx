// The dry run's report: what each line will become (time in the workspace's
// zone, channels, text) with that line's problems beside it, and the problems
// of the file as a whole above.
import { Alert, Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.ts';
import { IconAlert, IconCircleCheck } from '../ui/icons.tsx';
import type { CsvProblem, CsvReport, CsvRowPreview } from './bulk-api.ts';

function ProblemList({ problems, withLine }: { problems: CsvProblem[]; withLine: boolean }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4} c="red.8">
      {problems.map((problem, index) => (
        <List.Item key={index} data-testid="csv-problem">
          {withLine && problem.line !== null && (
            <Text span fw={600}>
              {problem.line === 1 ? t('bulk.import.headerLine') : t('bulk.import.lineLabel', { line: problem.line })} ·{' '}
            </Text>
          )}
          {problem.column && (
            <Badge size="xs" variant="light" color="red" mr={6} ff="monospace" tt="none">
              {problem.column}
            </Badge>
          )}
          {problem.message}
        </List.Item>
      ))}
    </List>
  );
}

function RowState({ row }: { row: CsvRowPreview }) {
  const { t } = useTranslation();
  if (row.state === 'draft') return <Badge variant="light" color="gray">{t('bulk.import.draft')}</Badge>;
  if (row.state === 'pending_approval') return <Badge variant="light" color="orange">{t('bulk.import.approval')}</Badge>;
  return <Badge variant="light" color="teal">{t('bulk.import.scheduled')}</Badge>;
}

export function CsvReportTable({ report }: { report: CsvReport }) {
  const { t } = useTranslation();
  const format = new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: report.timeZone });
  const rowLines = new Set(report.rows.map((row) => row.line));
  const byLine = new Map<number, CsvProblem[]>();
  for (const problem of report.problems) if (problem.line !== null && rowLines.has(problem.line)) byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem]);
  // The header, the file as a whole, or a line that could not be read as a row (a quote never closed).
  const fileProblems = report.problems.filter((problem) => problem.line === null || !rowLines.has(problem.line));
  const clean = report.problems.length === 0;

  return (
    <Stack gap="md" data-testid="csv-report">
      {clean ? (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="csv-report-clean">
          {t('bulk.import.clean', { count: report.rows.length })}
        </Alert>
      ) : (
        <Alert color="red" icon={<IconAlert size={18} />} data-testid="csv-report-problems">
          {t('bulk.import.problems', { count: report.problems.length })}
        </Alert>
      )}
      {fileProblems.length > 0 && <ProblemList problems={fileProblems} withLine />}
      {report.rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" striped={false} withTableBorder aria-label={t('bulk.import.reportLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={64}>{t('bulk.import.line')}</Table.Th>
                <Table.Th w={190}>{t('bulk.import.date')}</Table.Th>
                <Table.Th w={200}>{t('bulk.import.channels')}</Table.Th>
                <Table.Th>{t('bulk.import.text')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((row) => {
                const problems = byLine.get(row.line) ?? [];
                return (
                  <Table.Tr key={row.line} data-testid="csv-row" data-line={row.line} bg={problems.length > 0 ? 'var(--mantine-color-red-light)' : undefined}>
                    <Table.Td ff="monospace">{row.line}</Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Text size="sm">{row.at ? format.format(new Date(row.at)) : t('bulk.import.noDate')}</Text>
                        {problems.length === 0 && (
                          <Group gap={4}>
                            <RowState row={row} />
                          </Group>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td className="relais-wrap">
                      <Text size="sm">{row.channels.map((handle) => `@${handle}`).join(', ') || '—'}</Text>
                    </Table.Td>
                    <Table.Td className="relais-wrap">
                      <Stack gap={6}>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                          {row.text || '—'}
                        </Text>
                        {(row.mediaCount > 0 || row.firstReply || row.campaign) && (
                          <Group gap={6}>
                            {row.mediaCount > 0 && <Badge size="sm" variant="outline">{t('bulk.import.media', { count: row.mediaCount })}</Badge>}
                            {row.firstReply && <Badge size="sm" variant="outline">{t('bulk.import.firstReply')}</Badge>}
                            {row.campaign && <Badge size="sm" variant="outline" tt="none">{row.campaign}</Badge>}
                          </Group>
                        )}
                        {problems.length > 0 && <ProblemList problems={problems} withLine={false} />}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
