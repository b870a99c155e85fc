// The inbox's e-mails, in the reader's language: an item was assigned to you,
// a teammate mentioned you in a note, a rule asks you to look, a reply awaits
// your approval, yours was sent back or could not be sent.
import type { Locale } from '../../shared/locales.ts';
import type { Mail } from './mailer.ts';
import { layout } from './templates.ts';

export const inboxMailKinds = ['inbox_assigned', 'inbox_mentioned', 'inbox_rule_notify', 'inbox_reply_approval', 'inbox_reply_rejected', 'inbox_reply_failed'] as const;
export type InboxMailKind = (typeof inboxMailKinds)[number];

export interface InboxMailInput {
  locale: Locale;
  to: string;
  kind: InboxMailKind;
  workspaceName: string;
  actorName: string | null;
  /** What the person wrote on the network (or the reply's text). */
  excerpt: string;
  /** A note, a rule's name, a reason. */
  note: string | null;
  /** Messages spoken of (a rule's digest of one poll); the excerpt is the first one's. */
  count?: number;
  url: string;
}

export function inboxMail(input: InboxMailInput): Mail {
  const { workspaceName, excerpt, note } = input;
  const quote = `« ${excerpt} »`;
  const fr = {
    inbox_assigned: { subject: `Un message vous est attribué (${workspaceName})`, line: `${input.actorName ?? 'Quelqu’un'} vous a attribué ce message : ${quote}`, action: 'Répondre' },
    inbox_mentioned: { subject: `${input.actorName ?? 'Un collègue'} vous mentionne (${workspaceName})`, line: `${input.actorName ?? 'Un collègue'} vous mentionne dans une note : « ${note ?? ''} », à propos de ${quote}`, action: 'Voir le message' },
    inbox_rule_notify: { subject: `Nouveau message à voir (${workspaceName})`, line: `La règle « ${note ?? ''} » vous signale ce message : ${quote}`, action: 'Voir le message' },
    inbox_reply_approval: { subject: `Une réponse attend votre validation (${workspaceName})`, line: `${input.actorName ?? 'Quelqu’un'} propose cette réponse : ${quote}`, action: 'Relire et valider' },
    inbox_reply_rejected: { subject: `Votre réponse est à revoir (${workspaceName})`, line: `${input.actorName ?? 'Un validateur'} vous renvoie la réponse ${quote} : ${note ?? ''}`, action: 'Revoir la réponse' },
    inbox_reply_failed: { subject: `Votre réponse n'est pas partie (${workspaceName})`, line: `La réponse ${quote} n'a pas pu être envoyée : ${note ?? 'raison inconnue'}`, action: 'Voir et corriger' },
  };
  const en = {
    inbox_assigned: { subject: `A message was assigned to you (${workspaceName})`, line: `${input.actorName ?? 'Someone'} assigned you this message: ${quote}`, action: 'Reply' },
    inbox_mentioned: { subject: `${input.actorName ?? 'A teammate'} mentioned you (${workspaceName})`, line: `${input.actorName ?? 'A teammate'} mentioned you in a note: "${note ?? ''}", about ${quote}`, action: 'See the message' },
    inbox_rule_notify: { subject: `A new message to look at (${workspaceName})`, line: `The rule "${note ?? ''}" flags this message for you: ${quote}`, action: 'See the message' },
    inbox_reply_approval: { subject: `A reply awaits your approval (${workspaceName})`, line: `${input.actorName ?? 'Someone'} wrote this reply: ${quote}`, action: 'Review and approve' },
    inbox_reply_rejected: { subject: `Your reply needs changes (${workspaceName})`, line: `${input.actorName ?? 'An approver'} sent back the reply ${quote}: ${note ?? ''}`, action: 'Review the reply' },
    inbox_reply_failed: { subject: `Your reply was not sent (${workspaceName})`, line: `The reply ${quote} could not be sent: ${note ?? 'unknown reason'}`, action: 'See and fix' },
  };
  const count = input.count ?? 1;
  // A rule's digest: one e-mail for the messages of one poll.
  const frMany = {
    inbox_assigned: { subject: `${count} messages vous sont attribués (${workspaceName})`, line: `${input.actorName ?? 'Une règle'} vous a attribué ${count} messages, dont celui-ci : ${quote}`, action: 'Voir mes messages' },
    inbox_rule_notify: { subject: `${count} nouveaux messages à voir (${workspaceName})`, line: `La règle « ${note ?? ''} » vous signale ${count} messages, dont celui-ci : ${quote}`, action: 'Ouvrir la boîte de réception' },
  };
  const enMany = {
    inbox_assigned: { subject: `${count} messages were assigned to you (${workspaceName})`, line: `${input.actorName ?? 'A rule'} assigned you ${count} messages, among them: ${quote}`, action: 'See my messages' },
    inbox_rule_notify: { subject: `${count} new messages to look at (${workspaceName})`, line: `The rule "${note ?? ''}" flags ${count} messages for you, among them: ${quote}`, action: 'Open the inbox' },
  };
  const many = count > 1 && (input.kind === 'inbox_assigned' || input.kind === 'inbox_rule_notify') ? (input.locale === 'fr' ? frMany : enMany)[input.kind] : null;
  const t = many ?? (input.locale === 'fr' ? fr : en)[input.kind];
  const hello = input.locale === 'fr' ? 'Bonjour,' : 'Hello,';
  const footer = input.locale === 'fr' ? 'Vous recevez ce message parce que vous travaillez dans cet espace de travail.' : 'You receive this email because you work in this workspace.';
  return { to: input.to, subject: t.subject, text: `${hello}\n\n${t.line}\n\n${t.action}: ${input.url}\n\n${footer}`, html: layout([hello, t.line], { label: t.action, url: input.url }, footer) };
}
