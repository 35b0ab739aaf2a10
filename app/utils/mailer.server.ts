import nodemailer, { type Transporter } from 'nodemailer';
import type { Transaction } from 'sequelize';
import { MailMessage } from '~/utils/db.server';
import { env } from './env.server';

export type Mail = { to: string; subject: string; text: string; html?: string; kind: string; institutionId?: number | null };

let transport: Transporter | null = null;
const smtp = () => (transport ??= nodemailer.createTransport(env().SMTP_URL!));

/**
 * Sends a message: through SMTP when SMTP_URL is set, otherwise it is stored in the outbox that
 * administrators read in the app. Either way the outbox keeps a copy, so "was it sent?" has an answer.
 * Pass the caller's transaction so a message exists only if the change that caused it commits.
 */
export async function sendMail(mail: Mail, transaction?: Transaction): Promise<void> {
  const row = await MailMessage.create(
    {
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      kind: mail.kind,
      institutionId: mail.institutionId ?? null,
      status: 'stored',
      error: null,
      sentAt: null,
    },
    { transaction },
  );
  if (!env().SMTP_URL) return;
  const deliver = async () => {
    try {
      await smtp().sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, from: fromAddress() });
      await MailMessage.update({ status: 'sent', sentAt: new Date() }, { where: { id: row.id } });
    } catch (error) {
      await MailMessage.update({ status: 'failed', error: (error as Error).message }, { where: { id: row.id } });
    }
  };
  // Delivery waits for the commit: a rolled-back change sends nothing.
  if (transaction) transaction.afterCommit(() => void deliver());
  else await deliver();
}

function fromAddress(): string {
  const host = new URL(env().APP_URL).hostname;
  return `Horizon <no-reply@${host === 'localhost' ? 'horizon.local' : host}>`;
}

/** An absolute link into the app, for messages read outside it. */
export const appLink = (path: string) => new URL(path, env().APP_URL).toString();
