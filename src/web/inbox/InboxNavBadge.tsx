// How many messages wait in the inbox, beside its entry in the navigation
// (red when some are late). Refreshed every minute, and live on the inbox page.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countLabel } from './item-bits.tsx';
import { useInboxCounts } from './item-api.ts';

export function InboxNavBadge({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const counts = useInboxCounts(workspaceId);
  const open = countLabel(counts.data?.open);
  if (!open) return null;
  const late = (counts.data?.overdue ?? 0) > 0;
  return (
    <Badge size="sm" radius="sm" variant={late ? 'filled' : 'light'} color={late ? 'red' : 'gray'} aria-label={late ? t('inbox.nav.openLate', { count: counts.data!.open, late: counts.data!.overdue }) : t('inbox.nav.open', { count: counts.data!.open })} data-testid="nav-inbox-count">
      {open}
    </Badge>
  );
}
