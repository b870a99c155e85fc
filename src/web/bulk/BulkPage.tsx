// Publishing → Import / export (CSV): plan many posts at once from a
// spreadsheet (for those who write content), take the calendar out into one
// (every member), and the columns' documentation with a template to start from.
import { Button, Divider, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../shared/roles.ts';
import { currentLocale } from '../i18n/index.ts';
import { IconDownload } from '../ui/icons.tsx';
import { PageHeader } from '../ui/page.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { CalendarExportPanel } from './CalendarExportPanel.tsx';
import { CsvColumnsHelp } from './CsvColumnsHelp.tsx';
import { CsvImportPanel } from './CsvImportPanel.tsx';
import { templateCsv } from './csv-files.ts';

function downloadTemplate(): void {
  const locale = currentLocale();
  const url = URL.createObjectURL(templateCsv(locale));
  const link = document.createElement('a');
  link.href = url;
  link.download = locale === 'fr' ? 'relais-modele-publications.csv' : 'relais-posts-template.csv';
  link.click();
  // The browser has the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function BulkPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const write = can(workspace.role, 'content:write');
  return (
    <>
      <PageHeader
        title={t('bulk.title')}
        description={t('bulk.description')}
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={downloadTemplate} data-testid="csv-template">
            {t('bulk.template')}
          </Button>
        }
      />
      <Stack gap="xl">
        {write && <CsvImportPanel workspaceId={workspace.id} />}
        {write && <Divider />}
        <CalendarExportPanel workspaceId={workspace.id} timeZone={workspace.timeZone} />
        <Divider />
        <CsvColumnsHelp />
      </Stack>
    </>
  );
}
