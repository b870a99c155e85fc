// System → Jobs: background jobs that failed for good, with a retry button.
import { Button, Code, Spoiler, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDeadJobs, useRetryJob } from '../api/jobs.ts';
import { useFormatters } from '../ui/format.ts';
import { IconCircleCheck, IconRefresh } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { Empty, Panel, QueryError, TableSkeleton } from '../ui/states.tsx';

export function JobsPage() {
  const { t } = useTranslation();
  const jobs = useDeadJobs();
  const retry = useRetryJob();
  const format = useFormatters();

  return (
    <>
      <PageHeader
        title={t('jobs.title')}
        description={t('jobs.description')}
        actions={
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void jobs.refetch()} loading={jobs.isRefetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Panel padding={0}>
        {jobs.isPending ? (
          <div style={{ padding: 'var(--mantine-spacing-lg)' }}>
            <TableSkeleton rows={3} />
          </div>
        ) : jobs.isError ? (
          <div style={{ padding: 'var(--mantine-spacing-lg)' }}>
            <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
          </div>
        ) : jobs.data.length === 0 ? (
          <Empty icon={<IconCircleCheck size={26} />} title={t('jobs.emptyTitle')} description={t('jobs.emptyDescription')} />
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table className="relais-table" verticalSpacing="sm" horizontalSpacing="lg" aria-label={t('jobs.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('jobs.name')}</Table.Th>
                  <Table.Th>{t('jobs.attempts')}</Table.Th>
                  <Table.Th>{t('jobs.lastError')}</Table.Th>
                  <Table.Th>{t('jobs.updated')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.data.map((job) => (
                  <Table.Tr key={job.id} data-testid="job-row" data-job-id={String(job.id)}>
                    <Table.Td>
                      <Code style={{ whiteSpace: 'nowrap' }}>{job.name}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('jobs.attemptsValue', { attempts: job.attempts, max: job.maxAttempts })}</Text>
                    </Table.Td>
                    <Table.Td maw={420} miw={260} className="relais-wrap">
                      {job.lastError ? (
                        <Spoiler maxHeight={40} showLabel={t('jobs.more')} hideLabel={t('jobs.less')} styles={{ control: { fontSize: 'var(--mantine-font-size-xs)' } }}>
                          <Text size="xs" ff="monospace" c="red.7" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                            {job.lastError}
                          </Text>
                        </Spoiler>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Tooltip label={format.dateTime(job.updatedAt)} withArrow>
                        <Text size="sm" c="dimmed" span>
                          {format.relative(job.updatedAt)}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconRefresh size={14} />}
                        loading={retry.isPending && retry.variables === job.id}
                        aria-label={t('jobs.retryNamed', { name: job.name })}
                        onClick={() =>
                          retry.mutate(job.id, {
                            onSuccess: () => notifySuccess(t('jobs.retried', { name: job.name })),
                            onError: (error) => notifyError(error),
                          })
                        }
                      >
                        {t('jobs.retry')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Panel>
    </>
  );
}
