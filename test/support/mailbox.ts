// A real SMTP server (npm smtp-server) that keeps every mail it receives, so
// tests can read invitations and reset links exactly as a person would.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { onCleanup } from './cleanup.ts';
import { freePort } from './embedded-postgres.ts';
import { waitFor } from './wait.ts';

export interface Mailbox {
  url: string;
  mails: ParsedMail[];
  /** Waits for a mail to `to` whose subject matches, and returns it. */
  next(to: string, subject?: RegExp): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const taken = new Set<ParsedMail>();
  const mailbox: Mailbox = {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async next(to, subject) {
      return waitFor(() => {
        const mail = mails.find((m) => !taken.has(m) && JSON.stringify(m.to).toLowerCase().includes(to.toLowerCase()) && (!subject || subject.test(m.subject ?? '')));
        if (mail) taken.add(mail);
        return mail;
      }, { timeoutMs: 10_000, what: `a mail to ${to}` });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  onCleanup(() => mailbox.close());
  return mailbox;
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const match = (mail.text ?? '').match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S+`));
  if (!match) throw new Error(`no link starting with ${prefix} in mail "${mail.subject}"`);
  return match[0];
}
