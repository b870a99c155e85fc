// The library's files as a grid of tiles, a page at a time, with the loading,
// empty and error states; shared by the library page and the picker.
import type { ReactNode } from 'react';
import { Button, Center, SimpleGrid, Skeleton } from '@mantine/core';
import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MediaPage, MediaView } from '../../shared/api-types.ts';
import { Empty, QueryError } from '../ui/states.tsx';
import { IconPhoto } from '../ui/icons.tsx';

export function MediaGrid({
  query,
  renderTile,
  empty,
  compact = false,
}: {
  query: UseInfiniteQueryResult<InfiniteData<MediaPage>>;
  renderTile: (media: MediaView) => ReactNode;
  empty: { title: string; description?: string };
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const columns = compact ? { base: 2, xs: 3, sm: 4, md: 5 } : { base: 2, xs: 3, sm: 4, lg: 5, xl: 6 };
  if (query.isPending) {
    return (
      <SimpleGrid cols={columns} spacing="sm" aria-busy="true" aria-label={t('common.loading')}>
        {Array.from({ length: compact ? 5 : 8 }, (_, index) => (
          <Skeleton key={index} radius="md" style={{ aspectRatio: '1 / 1.22' }} />
        ))}
      </SimpleGrid>
    );
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const media = query.data.pages.flatMap((page) => page.media);
  if (media.length === 0) return <Empty icon={<IconPhoto size={26} />} title={empty.title} description={empty.description} />;
  return (
    <>
      <SimpleGrid cols={columns} spacing="sm" data-testid="media-grid">
        {media.map(renderTile)}
      </SimpleGrid>
      {query.hasNextPage && (
        <Center mt="md">
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('media.loadMore', { count: query.data.pages[0].total - media.length })}
          </Button>
        </Center>
      )}
    </>
  );
}
