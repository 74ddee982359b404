// The SMTP transport (nodemailer over SMTP_URL): every email of the portal leaves through here.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

let transport: Transporter | undefined;

export function mailer(): Transporter {
  transport ??= nodemailer.createTransport(env().SMTP_URL);
  return transport;
}

export type OutgoingMail = { to: string; subject: string; text: string; html: string };

export async function sendMail(mail: OutgoingMail) {
  return mailer().sendMail({ from: env().MAIL_FROM, ...mail });
}

/** Reachability check for the health endpoint: connects and says EHLO, sends nothing. */
export async function pingSmtp() {
  await mailer().verify();
}
