// A page's list in a bordered panel: skeleton while loading, the error with a
// retry, an empty state, else a table with a header row and one row an item.
import type { ComponentProps, ReactNode } from 'react';
import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, Panel, QueryError, TableSkeleton } from './states.tsx';

/** What QueryTable reads of a TanStack query (a plain or an infinite one). */
interface QueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

function Padded({ children }: { children: ReactNode }) {
  return <div style={{ padding: 'var(--mantine-spacing-lg)' }}>{children}</div>;
}

export function QueryTable<T>({
  query,
  items,
  label,
  columns,
  actions = false,
  renderRow,
  minWidth,
  skeletonRows,
  empty,
  highlightOnHover = true,
}: {
  query: QueryState;
  /** The rows to show once the query has data (the data itself, or a part of it). */
  items: readonly T[] | undefined;
  /** The table's accessible name. */
  label: string;
  /** Column titles; null for a column without one. */
  columns: ReactNode[];
  /** Whether a last column holds row actions (its title is for screen readers only). */
  actions?: boolean;
  /** One `Table.Tr` an item, with its `key`. */
  renderRow: (item: T) => ReactNode;
  minWidth: number;
  skeletonRows?: number;
  empty: ComponentProps<typeof Empty>;
  highlightOnHover?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Panel padding={0}>
      {query.isPending ? (
        <Padded>
          <TableSkeleton rows={skeletonRows} />
        </Padded>
      ) : query.isError ? (
        <Padded>
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        </Padded>
      ) : !items?.length ? (
        <Empty {...empty} />
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table className="relais-table" verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover={highlightOnHover} aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((title, index) => (
                  <Table.Th key={index}>{title}</Table.Th>
                ))}
                {actions && (
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{items.map((item) => renderRow(item))}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Panel>
  );
}
