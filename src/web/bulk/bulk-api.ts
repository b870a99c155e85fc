// The CSV import's calls: a dry run (every line checked, nothing saved) and the
// import itself (all lines or none). A refused import answers 422 with the same
// report, so both calls give back a report rather than an error.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiPath, isApiError } from '../api/client.ts';

export interface CsvProblem {
  line: number | null;
  column: string | null;
  code: string;
  message: string;
}

export interface CsvRowPreview {
  line: number;
  at: string | null;
  state: 'draft' | 'scheduled' | 'pending_approval';
  channels: string[];
  text: string;
  firstReply: string | null;
  mediaCount: number;
  campaign: string | null;
}

export interface CsvReport {
  timeZone: string;
  rows: CsvRowPreview[];
  problems: CsvProblem[];
  created?: string[];
}

async function send(workspaceId: string, csv: string, dryRun: boolean): Promise<CsvReport> {
  try {
    return await api.post<CsvReport>(`${apiPath`/api/workspaces/${workspaceId}/posts/import`}?dryRun=${dryRun}`, { csv });
  } catch (error) {
    if (isApiError(error, 422) && Array.isArray(error.body.problems)) return error.body as unknown as CsvReport;
    throw error;
  }
}

export function useCsvCheck(workspaceId: string) {
  return useMutation({ mutationFn: (csv: string) => send(workspaceId, csv, true) });
}

export function useCsvImport(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => send(workspaceId, csv, false),
    // New posts show on the calendar and in the posts list.
    onSuccess: (report) => {
      if (report.created?.length) return client.invalidateQueries({ queryKey: ['workspaces', workspaceId] });
    },
  });
}

export function calendarCsvUrl(workspaceId: string, from: Date, to: Date, separator: 'comma' | 'semicolon'): string {
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), separator });
  return `${apiPath`/api/workspaces/${workspaceId}/calendar.csv`}?${query}`;
}
