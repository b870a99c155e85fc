// The publishing e-mails, in the reader's language: a post awaits approval, a
// post was approved or sent back, a post could not be published.
import type { Locale } from '../../shared/locales.ts';
import type { Mail } from './mailer.ts';
import { layout } from './templates.ts';

export type PublishingMailKind = 'approval_requested' | 'approvals_requested' | 'post_approved' | 'post_rejected' | 'publish_failed' | 'publish_needs_attention';

export interface PublishingMailInput {
  locale: Locale;
  to: string;
  kind: PublishingMailKind;
  workspaceName: string;
  actorName: string | null;
  excerpt: string;
  channel: string | null;
  reason: string | null;
  /** How many posts (approvals_requested). */
  count?: number;
  url: string;
}

export function publishingMail(input: PublishingMailInput): Mail {
  const { workspaceName, actorName, excerpt, channel, reason } = input;
  const quote = `« ${excerpt} »`;
  const fr = {
    approval_requested: { subject: `Publication à valider dans ${workspaceName}`, line: `${actorName ?? 'Quelqu’un'} propose une publication : ${quote}`, action: 'Relire et valider' },
    approvals_requested: { subject: `${input.count ?? 2} publications à valider dans ${workspaceName}`, line: `${actorName ?? 'Quelqu’un'} propose ${input.count ?? 2} publications, dont ${quote}`, action: 'Relire et valider' },
    post_approved: { subject: `Votre publication est validée (${workspaceName})`, line: `${actorName ?? 'Un validateur'} a validé votre publication ${quote}. Elle partira à l'heure prévue.${reason ? ` Commentaire : ${reason}` : ''}`, action: 'Voir la publication' },
    post_rejected: { subject: `Votre publication est à revoir (${workspaceName})`, line: `${actorName ?? 'Un validateur'} vous renvoie la publication ${quote} : ${reason ?? ''}`, action: 'Modifier la publication' },
    publish_failed: { subject: `Échec de publication sur ${channel ?? ''} (${workspaceName})`, line: `La publication ${quote} n'a pas pu partir sur ${channel ?? ''} : ${reason ?? 'raison inconnue'}`, action: 'Voir et corriger' },
    publish_needs_attention: { subject: `Publication à vérifier sur ${channel ?? ''} (${workspaceName})`, line: `On ne sait pas si la publication ${quote} est partie sur ${channel ?? ''}. Vérifiez sur le réseau, puis marquez-la publiée ou relancez-la.`, action: 'Vérifier' },
  };
  const en = {
    approval_requested: { subject: `A post awaits approval in ${workspaceName}`, line: `${actorName ?? 'Someone'} submitted a post: ${quote}`, action: 'Review and approve' },
    approvals_requested: { subject: `${input.count ?? 2} posts await approval in ${workspaceName}`, line: `${actorName ?? 'Someone'} submitted ${input.count ?? 2} posts, among them ${quote}`, action: 'Review and approve' },
    post_approved: { subject: `Your post was approved (${workspaceName})`, line: `${actorName ?? 'An approver'} approved your post ${quote}. It goes out at its scheduled time.${reason ? ` Comment: ${reason}` : ''}`, action: 'See the post' },
    post_rejected: { subject: `Your post needs changes (${workspaceName})`, line: `${actorName ?? 'An approver'} sent back your post ${quote}: ${reason ?? ''}`, action: 'Edit the post' },
    publish_failed: { subject: `Could not publish on ${channel ?? ''} (${workspaceName})`, line: `The post ${quote} could not be published on ${channel ?? ''}: ${reason ?? 'unknown reason'}`, action: 'See and fix' },
    publish_needs_attention: { subject: `Check a post on ${channel ?? ''} (${workspaceName})`, line: `Whether the post ${quote} went out on ${channel ?? ''} is unknown. Check it on the network, then mark it published or retry it.`, action: 'Check it' },
  };
  const t = (input.locale === 'fr' ? fr : en)[input.kind];
  const hello = input.locale === 'fr' ? 'Bonjour,' : 'Hello,';
  const footer = input.locale === 'fr' ? 'Vous recevez ce message parce que vous travaillez dans cet espace de travail.' : 'You receive this email because you work in this workspace.';
  return { to: input.to, subject: t.subject, text: `${hello}\n\n${t.line}\n\n${t.action}: ${input.url}\n\n${footer}`, html: layout([hello, t.line], { label: t.action, url: input.url }, footer) };
}
