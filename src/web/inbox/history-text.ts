// One line of an item's history in plain words ("Assigned to Léa Martin",
// "Tagged “livraison”", "Snoozed until Tue 25 Nov, 09:00"). Actions Relais
// adds later read as their name until they are given words here.
import type { TFunction } from 'i18next';
import type { InboxEventView } from '../../shared/inbox.ts';

export interface HistoryWords {
  /** A member's name from their id (a removed member reads as "someone"). */
  nameOf(userId: string): string | null;
  /** A moment written in the workspace's zone. */
  moment(iso: string): string;
}

const known = new Set(['created', 'status', 'assign', 'tag', 'untag', 'priority', 'spam', 'snooze', 'woke', 'note', 'note_deleted', 'reply', 'reply_sent', 'reply_failed', 'reply_approved', 'reply_rejected', 'reply_retried', 'like', 'notify', 'rule_kept_visible', 'undo']);

const instant = (value: unknown): string | null => (typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : typeof value === 'string' && value ? value : null);

export function describeEvent(event: InboxEventView, t: TFunction, words: HistoryWords): string {
  const detail = event.detail;
  const name = (id: unknown) => (typeof id === 'string' ? (words.nameOf(id) ?? t('inbox.history.someone')) : t('inbox.history.someone'));
  switch (event.action) {
    case 'status':
      return t('inbox.history.status', { status: t(`inbox.status.${String(detail.after)}`) });
    case 'assign':
      return detail.after ? t('inbox.history.assign', { name: name(detail.after) }) : t('inbox.history.unassign');
    case 'tag':
    case 'untag':
      return t(`inbox.history.${event.action}`, { tag: String(detail.tag ?? '') });
    case 'priority':
      return t('inbox.history.priority', { priority: t(`inbox.priority.${Number(detail.after ?? 0)}`) });
    case 'spam':
      return t(detail.after ? 'inbox.history.spam' : 'inbox.history.notSpam');
    case 'snooze': {
      const until = instant(detail.after);
      return until ? t('inbox.history.snooze', { until: words.moment(until) }) : t('inbox.history.unsnooze');
    }
    case 'reply_rejected':
      return t('inbox.history.reply_rejected', { comment: String(detail.comment ?? '') });
    case 'reply_failed':
      return t('inbox.history.reply_failed', { reason: String(detail.message ?? '') });
    case 'notify': {
      const ids = Array.isArray(detail.userIds) ? detail.userIds : [];
      return t('inbox.history.notify', { names: ids.map(name).join(', ') });
    }
    case 'undo':
      return t('inbox.history.undo', { change: t(`inbox.history.kinds.${String(detail.undone)}`, { defaultValue: String(detail.undone ?? '') }) });
    default:
      return known.has(event.action) ? t(`inbox.history.${event.action}`) : event.action;
  }
}

/** Who made the change: a teammate, a rule (named), or Relais itself. */
export function eventActor(event: InboxEventView, t: TFunction): string {
  if (event.actor.kind === 'rule') return t('inbox.history.byRule', { name: event.actor.name });
  if (event.actor.kind === 'user') return event.actor.name || t('inbox.history.someone');
  return 'Relais';
}
