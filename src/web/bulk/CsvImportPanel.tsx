// Import posts from a CSV: choose a file or paste it, check it (every line,
// nothing saved), read the report by line, and import once the whole file is
// clean. The import button only ever sends exactly the text that was checked.
import { useState } from 'react';
import { Alert, Anchor, Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconCircleCheck, IconUpload } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.tsx';
import { Section } from '../ui/page.tsx';
import { useCsvCheck, useCsvImport, type CsvReport } from './bulk-api.ts';
import { maxCsvBytes, readCsvFile } from './csv-files.ts';
import { CsvReportTable } from './CsvReportTable.tsx';

export function CsvImportPanel({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const check = useCsvCheck(workspaceId);
  const runImport = useCsvImport(workspaceId);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<{ csv: string; result: CsvReport } | null>(null);
  const [imported, setImported] = useState<number | null>(null);

  const runCheck = async (csv: string) => {
    setImported(null);
    try {
      setReport({ csv, result: await check.mutateAsync(csv) });
    } catch (error) {
      notifyError(error);
    }
  };

  const choose = async (file: File | null) => {
    if (!file) return;
    if (file.size > maxCsvBytes) {
      notifyError(new Error(t('bulk.import.tooLarge')));
      return;
    }
    const csv = await readCsvFile(file);
    setFileName(file.name);
    setText(csv);
    await runCheck(csv);
  };

  const submit = async () => {
    if (!report) return;
    try {
      const result = await runImport.mutateAsync(report.csv);
      if (result.created) {
        setImported(result.created.length);
        setReport(null);
        setText('');
        setFileName(null);
      } else setReport({ csv: report.csv, result });
    } catch (error) {
      notifyError(error);
    }
  };

  const current = report && report.csv === text ? report.result : null;
  const ready = current !== null && current.problems.length === 0 && current.rows.length > 0;

  return (
    <Section title={t('bulk.import.title')} description={t('bulk.import.help')}>
      {imported !== null && (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="csv-imported">
          <Group gap="xs">
            <Text size="sm">{t('bulk.import.done', { count: imported })}</Text>
            <Anchor component={Link} to={`/w/${encodeURIComponent(workspaceId)}/calendar`} size="sm">
              {t('bulk.import.openCalendar')}
            </Anchor>
          </Group>
        </Alert>
      )}
      <Group gap="sm">
        <FileButton onChange={(file) => void choose(file)} accept=".csv,text/csv,text/plain,application/vnd.ms-excel">
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconUpload size={16} />} data-testid="csv-choose">
              {t('bulk.import.choose')}
            </Button>
          )}
        </FileButton>
        {fileName && (
          <Text size="sm" c="dimmed" data-testid="csv-file-name">
            {fileName}
          </Text>
        )}
      </Group>
      <Textarea
        label={t('bulk.import.paste')}
        placeholder={t('bulk.import.placeholder')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autosize
        minRows={4}
        maxRows={12}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        data-testid="csv-text"
      />
      <Group gap="sm">
        <Button variant="default" onClick={() => void runCheck(text)} loading={check.isPending} disabled={text.trim() === ''} data-testid="csv-check">
          {t('bulk.import.check')}
        </Button>
        <Button onClick={() => void submit()} loading={runImport.isPending} disabled={!ready} data-testid="csv-import">
          {ready ? t('bulk.import.submit', { count: current.rows.length }) : t('bulk.import.submitIdle')}
        </Button>
        {report && report.csv !== text && (
          <Text size="sm" c="orange.8" data-testid="csv-changed">
            {t('bulk.import.changed')}
          </Text>
        )}
      </Group>
      {current && (
        <Stack gap="xs">
          <CsvReportTable report={current} />
        </Stack>
      )}
    </Section>
  );
}
