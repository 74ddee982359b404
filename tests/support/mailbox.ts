// Reads the emails the portal sent, from the MailDev catcher the test command started.
type CaughtMail = { id: string; subject: string; text?: string; html?: string; to: { address: string }[]; time: string };

const inbox = () => {
  const url = process.env.MAIL_INBOX_URL;
  if (!url) throw new Error("MAIL_INBOX_URL is not set: run the tests with `npm test`");
  return url;
};

export async function listMail(): Promise<CaughtMail[]> {
  const response = await fetch(`${inbox()}/api/email`);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  return response.json();
}

/** Waits for the newest email to `to` that arrived after `since` and matches `subject`. */
export async function waitForMail({ to, since, subject, timeoutMs = 20_000, ignore }: { to: string; since: Date; subject?: RegExp; timeoutMs?: number; ignore?: Set<string> }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await listMail())
      .filter((m) => m.to.some((r) => r.address.toLowerCase() === to.toLowerCase()))
      // The Date header has whole seconds: a little before `since` still counts; `ignore` leaves out what was
      // already there when the ask was made (a used sign-in link of a moment before is not the new one).
      .filter((m) => new Date(m.time).getTime() >= since.getTime() - 2_000 && !ignore?.has(m.id))
      .filter((m) => (subject ? subject.test(m.subject) : true))
      .at(-1);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} within ${timeoutMs} ms`);
}

export function firstLink(mail: CaughtMail, pattern: RegExp) {
  const link = (mail.text ?? "").match(/https?:\/\/\S+/g)?.find((url) => pattern.test(url));
  if (!link) throw new Error(`no link matching ${pattern} in "${mail.subject}"`);
  return link;
}

/** The ids of the emails the catcher holds now: pass them as `ignore` to wait for a new one only. */
export const mailIds = async () => new Set((await listMail()).map((m) => m.id));
