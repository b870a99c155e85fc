// System → Jobs: background jobs that failed for good, with a retry button.
import { Button, Code, Spoiler, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDeadJobs, useRetryJob } from '../api/jobs.ts';
import { IconCircleCheck, IconRefresh } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { QueryTable } from '../ui/QueryTable.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';

export function JobsPage() {
  const { t } = useTranslation();
  const jobs = useDeadJobs();
  const retry = useRetryJob();

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
      <QueryTable
        query={jobs}
        items={jobs.data}
        label={t('jobs.title')}
        columns={[t('jobs.name'), t('jobs.attempts'), t('jobs.lastError'), t('jobs.updated'), null]}
        minWidth={820}
        skeletonRows={3}
        empty={{ icon: <IconCircleCheck size={26} />, title: t('jobs.emptyTitle'), description: t('jobs.emptyDescription') }}
        highlightOnHover={false}
        renderRow={(job) => (
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
              <RelativeTime iso={job.updatedAt} />
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
        )}
      />
    </>
  );
}
