// Toast notifications for the outcome of an action.
import { notifications } from '@mantine/notifications';
import i18n from '../i18n/index.ts';
import { IconAlert, IconCheck } from './icons.tsx';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, icon: <IconCheck size={16} />, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}

/** Done, but something needs the person's attention. */
export function notifyWarning(message: string, title?: string): void {
  notifications.show({ color: 'orange', title, message, icon: <IconAlert size={16} />, autoClose: 8000, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}

export function notifyError(error: unknown, title?: string): void {
  const message = error instanceof Error && error.message ? error.message : i18n.t('errors.unexpected');
  notifications.show({ color: 'red', title: title ?? i18n.t('errors.title'), message, icon: <IconAlert size={16} />, autoClose: 8000, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
