// The emails Relais sends, in the recipient's language.
import type { Locale } from '../../shared/locales.ts';
import type { Mail } from './mailer.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function layout(paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:560px;margin:auto;padding:24px">
<p style="font-size:20px;font-weight:700;color:#1c7ed6">Relais</p>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<p><a href="${escape(action.url)}" style="display:inline-block;background:#1c7ed6;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escape(action.label)}</a></p>
<p style="font-size:13px;color:#6b7280">${escape(footer)}<br>${escape(action.url)}</p>
</body></html>`;
}

export function invitationMail(input: { locale: Locale; to: string; inviterName: string; workspaceName: string; roleLabel: string; url: string; expiresInDays: number }): Mail {
  const { locale, inviterName, workspaceName, roleLabel, url, expiresInDays } = input;
  const t =
    locale === 'fr'
      ? {
          subject: `${inviterName} vous invite sur ${workspaceName} dans Relais`,
          lines: [`Bonjour,`, `${inviterName} vous invite à rejoindre l'espace de travail « ${workspaceName} » sur Relais en tant que ${roleLabel}.`],
          action: "Accepter l'invitation",
          footer: `Ce lien expire dans ${expiresInDays} jours. Si vous n'attendiez pas cette invitation, ignorez ce message.`,
        }
      : {
          subject: `${inviterName} invited you to ${workspaceName} on Relais`,
          lines: [`Hello,`, `${inviterName} invited you to join the workspace "${workspaceName}" on Relais as ${roleLabel}.`],
          action: 'Accept the invitation',
          footer: `This link expires in ${expiresInDays} days. If you were not expecting this invitation, ignore this email.`,
        };
  return {
    to: input.to,
    subject: t.subject,
    text: `${t.lines.join('\n\n')}\n\n${t.action}: ${url}\n\n${t.footer}`,
    html: layout(t.lines, { label: t.action, url }, t.footer),
  };
}

export function passwordResetMail(input: { locale: Locale; to: string; name: string; url: string }): Mail {
  const { locale, name, url } = input;
  const t =
    locale === 'fr'
      ? {
          subject: 'Réinitialisez votre mot de passe Relais',
          lines: [`Bonjour ${name},`, 'Vous avez demandé à réinitialiser votre mot de passe Relais.'],
          action: 'Choisir un nouveau mot de passe',
          footer: "Ce lien expire dans une heure. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
        }
      : {
          subject: 'Reset your Relais password',
          lines: [`Hello ${name},`, 'You asked to reset your Relais password.'],
          action: 'Choose a new password',
          footer: 'This link expires in one hour. If you did not ask for it, ignore this email: your password stays the same.',
        };
  return {
    to: input.to,
    subject: t.subject,
    text: `${t.lines.join('\n\n')}\n\n${t.action}: ${url}\n\n${t.footer}`,
    html: layout(t.lines, { label: t.action, url }, t.footer),
  };
}

export const roleLabels: Record<Locale, Record<string, string>> = {
  en: { owner: 'owner', admin: 'administrator', editor: 'editor', contributor: 'contributor', analyst: 'analyst' },
  fr: { owner: 'propriétaire', admin: 'administrateur', editor: 'éditeur', contributor: 'contributeur', analyst: 'analyste' },
};

export function channelNeedsReconnectMail(input: { locale: Locale; to: string; workspaceName: string; channelLabel: string; reason: string; url: string }): Mail {
  const { locale, workspaceName, channelLabel, reason, url } = input;
  const t =
    locale === 'fr'
      ? {
          subject: `${channelLabel} doit être reconnecté dans ${workspaceName}`,
          lines: ['Bonjour,', `Relais ne peut plus utiliser le canal ${channelLabel} de l'espace « ${workspaceName} » : ${reason}`, 'Les publications programmées sur ce canal attendent sa reconnexion ; rien ne sera perdu.'],
          action: 'Reconnecter le canal',
          footer: 'Vous recevez ce message parce que vous administrez cet espace de travail.',
        }
      : {
          subject: `${channelLabel} needs to be reconnected in ${workspaceName}`,
          lines: ['Hello,', `Relais can no longer use the channel ${channelLabel} of the workspace "${workspaceName}": ${reason}`, 'Posts scheduled on this channel wait until it is reconnected; nothing is lost.'],
          action: 'Reconnect the channel',
          footer: 'You receive this email because you manage this workspace.',
        };
  return {
    to: input.to,
    subject: t.subject,
    text: `${t.lines.join('\n\n')}\n\n${t.action}: ${url}\n\n${t.footer}`,
    html: layout(t.lines, { label: t.action, url }, t.footer),
  };
}
