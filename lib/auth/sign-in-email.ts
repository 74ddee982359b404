// Auth.js's sendVerificationRequest for the magic link: queues the email in the outbox (the worker
// renders and sends it, lib/notify/render.ts), so asking for a link only writes a row.
import { randomUUID } from "node:crypto";
import type { NodemailerConfig } from "next-auth/providers/nodemailer";
import { db } from "../db";
import { messageKinds } from "../notify/messages";
import { enqueueMessage } from "../notify/outbox";
import { seal } from "../notify/seal";
import { wakeOutboxWorker } from "../notify/worker";

type Params = Parameters<NodemailerConfig["sendVerificationRequest"]>[0];

export async function queueSignInLink({ identifier, url, expires }: Params) {
  await enqueueMessage(db, {
    kind: messageKinds.signInLink,
    dedupeKey: `${messageKinds.signInLink}:${randomUUID()}`,
    payload: { to: identifier, link: seal(url), expiresAt: expires.toISOString() },
  });
  wakeOutboxWorker();
}
