// Sends Relais' emails through the SMTP server of the configuration. Without
// one, mails are not sent and the caller is told, so the UI can offer the link.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  readonly configured: boolean;
  /** Resolves true when the SMTP server accepted the mail. */
  send(mail: Mail): Promise<boolean>;
  close(): void;
}

export function createMailer(config: Config, logger: Logger): Mailer {
  if (!config.smtp) {
    return {
      configured: false,
      async send(mail) {
        logger.warn({ subject: mail.subject }, 'email not sent: no SMTP server configured (set SMTP_URL)');
        return false;
      },
      close() {},
    };
  }
  const transport: Transporter = nodemailer.createTransport(config.smtp.url, { from: config.smtp.from });
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from: config.smtp!.from, ...mail });
      logger.info({ subject: mail.subject }, 'email sent');
      return true;
    },
    close: () => transport.close(),
  };
}
