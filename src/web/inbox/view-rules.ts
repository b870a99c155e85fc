// How a change moves a message between the inbox's views, computed in the
// browser the way the server will: the list shows a change at once, and the
// page knows when the open message leaves the view (to open the next one).
import type { InboxItemView, ItemUpdate } from '../../shared/inbox.ts';
import type { InboxView } from './inbox-query.ts';

/** The item with a change applied, as the server will make it. */
export function applyChange(item: InboxItemView, change: ItemUpdate): InboxItemView {
  // As the server does it: a tag already there is not added again, so removing it wins.
  const added = [...new Set(change.addTags ?? [])].filter((tag) => !item.tags.includes(tag));
  const removed = (change.removeTags ?? []).filter((tag) => !added.includes(tag));
  const tags = [...item.tags.filter((tag) => !removed.includes(tag)), ...added];
  return {
    ...item,
    status: change.status ?? item.status,
    assigneeId: change.assigneeId === undefined ? item.assigneeId : change.assigneeId,
    priority: change.priority ?? item.priority,
    spam: change.spam ?? item.spam,
    snoozedUntil: change.snoozedUntil === undefined ? item.snoozedUntil : change.snoozedUntil,
    tags,
  };
}

/**
 * Whether a message still belongs to a view after a change (the same rules as
 * the server's views): marking the open message done, spam or snoozed takes it
 * out of "Open", and the inbox moves on to the next one.
 */
export function belongsToView(item: Pick<InboxItemView, 'status' | 'spam' | 'snoozedUntil' | 'assigneeId' | 'overdue'>, view: InboxView, userId: string | null): boolean {
  const awake = item.snoozedUntil === null;
  switch (view) {
    case 'open':
      return item.status === 'open' && !item.spam && awake;
    case 'pending':
      return item.status === 'pending' && !item.spam && awake;
    case 'done':
      return item.status === 'done' && !item.spam;
    case 'all':
      return !item.spam;
    case 'snoozed':
      return !awake && !item.spam;
    case 'spam':
      return item.spam;
    case 'mine':
      return item.assigneeId !== null && item.assigneeId === userId && item.status !== 'done' && !item.spam && awake;
    case 'unassigned':
      return item.assigneeId === null && item.status === 'open' && !item.spam && awake;
    case 'overdue':
      return item.overdue && item.status !== 'done' && !item.spam;
  }
}
