// The SMTP transport (nodemailer over SMTP_URL): every email of the portal leaves through here.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

let transport: Transporter | undefined;

/**
 * Timeouts unless SMTP_URL sets its own (as query parameters): a send must end well within the
 * outbox worker's 2-minute lock (lib/notify/outbox.ts), nodemailer's default socket timeout is 10 min.
 */
const timeouts = { connectionTimeout: "30000", greetingTimeout: "30000", socketTimeout: "60000" };

function transportUrl(value: string) {
  const url = new URL(value);
  for (const [key, ms] of Object.entries(timeouts)) if (!url.searchParams.has(key)) url.searchParams.set(key, ms);
  return url.toString();
}

export function mailer(): Transporter {
  transport ??= nodemailer.createTransport(transportUrl(env().SMTP_URL));
  return transport;
}

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A fixed Message-ID ("<id@host>"): a re-send after a crash repeats it so receivers can drop the duplicate. */
  messageId?: string;
  headers?: Record<string, string>;
};

export async function sendMail(mail: OutgoingMail) {
  return mailer().sendMail({ from: env().MAIL_FROM, ...mail });
}

/** Reachability check for the health endpoint: connects and says EHLO, sends nothing. */
export async function pingSmtp() {
  await mailer().verify();
}
