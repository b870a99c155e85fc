// E-mails to the team when a client approves or comments on a post through an
// approval link, in the reader's language.
import type { Locale } from '../../shared/locales.ts';
import type { Mail } from './mailer.ts';
import { layout } from './templates.ts';

export interface ClientReviewMailInput {
  locale: Locale;
  to: string;
  kind: 'client_approved' | 'client_commented';
  workspaceName: string;
  clientName: string;
  linkLabel: string;
  excerpt: string;
  comment: string | null;
  /** The post was waiting for approval and is now scheduled. */
  becameApproved: boolean;
  url: string;
}

export function clientReviewMail(input: ClientReviewMailInput): Mail {
  const { workspaceName, clientName, linkLabel, excerpt, comment, becameApproved } = input;
  const fr = {
    client_approved: {
      subject: `${clientName} (client) a validé une publication — ${workspaceName}`,
      lines: [
        `${clientName} a validé la publication « ${excerpt} » depuis le lien « ${linkLabel} ».${becameApproved ? ' Elle attendait une validation : elle est maintenant programmée.' : ''}`,
        ...(comment ? [`Son commentaire : ${comment}`] : []),
      ],
      action: 'Voir la publication',
    },
    client_commented: {
      subject: `${clientName} (client) a commenté une publication — ${workspaceName}`,
      lines: [`${clientName} a commenté la publication « ${excerpt} » depuis le lien « ${linkLabel} » :`, comment ?? ''],
      action: 'Voir et répondre',
    },
  };
  const en = {
    client_approved: {
      subject: `${clientName} (client) approved a post — ${workspaceName}`,
      lines: [
        `${clientName} approved the post "${excerpt}" through the link "${linkLabel}".${becameApproved ? ' It was waiting for approval: it is now scheduled.' : ''}`,
        ...(comment ? [`Their comment: ${comment}`] : []),
      ],
      action: 'See the post',
    },
    client_commented: {
      subject: `${clientName} (client) commented on a post — ${workspaceName}`,
      lines: [`${clientName} commented on the post "${excerpt}" through the link "${linkLabel}":`, comment ?? ''],
      action: 'See and answer',
    },
  };
  const t = (input.locale === 'fr' ? fr : en)[input.kind];
  const hello = input.locale === 'fr' ? 'Bonjour,' : 'Hello,';
  const footer = input.locale === 'fr' ? 'Vous recevez ce message parce que vous travaillez dans cet espace de travail.' : 'You receive this email because you work in this workspace.';
  const lines = [hello, ...t.lines];
  return { to: input.to, subject: t.subject, text: `${lines.join('\n\n')}\n\n${t.action}: ${input.url}\n\n${footer}`, html: layout(lines, { label: t.action, url: input.url }, footer) };
}
