// The outbox worker: claims due messages, renders them, sends them through SMTP and records the
// result. Runs in every portal instance (instrumentation.ts, unless WORKER=off) and/or as its own
// process (`npm run worker`); any number of them may run at once, they coordinate only through the
// database (lib/notify/outbox.ts). It polls every few seconds, and is woken at once by a message that
// should not wait; the timed work (reminders, expiry, upkeep) runs on the job queue (lib/jobs/queue.ts).
//
// Crash safety: a worker that dies after the SMTP server accepted a message but before it recorded
// SENT leaves the row SENDING; when its lock expires (2 min) another drain sends it again with the
// same Message-ID header and the same content and links. Receivers drop the duplicate by Message-ID.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { sendMail } from "./mailer";
import { claimDueMessages, markAttemptFailed, markSent, type ClaimedMessage } from "./outbox";
import { PermanentMessageError, renderOutboxMessage } from "./render";

export type DrainResult = { claimed: number; sent: number; retried: number; failed: number };

/** Renders a claimed message and hands it to the SMTP server with the row's Message-ID. Records nothing. */
export async function renderAndSend(row: ClaimedMessage) {
  const mail = await renderOutboxMessage(row);
  await sendMail({ to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, messageId: row.messageId, headers: { "Content-Language": mail.locale } });
  return mail;
}

async function deliver(row: ClaimedMessage, now: Date): Promise<"sent" | "retry" | "failed" | "superseded"> {
  try {
    await renderAndSend(row);
  } catch (error) {
    const outcome = await markAttemptFailed(row, error, now, { permanent: error instanceof PermanentMessageError });
    if (outcome === "failed") console.error(`Outbox: message ${row.id} (${row.kind}) FAILED after ${row.attempts} attempt(s):`, error instanceof Error ? error.message : error);
    return outcome;
  }
  // If this throws (or the process dies here), the row stays SENDING until its lock expires, then it is
  // sent again with the same Message-ID.
  await markSent(row, now);
  return "sent";
}

/**
 * One pass: claims up to `limit` due messages and delivers them concurrently (each on its own SMTP
 * connection, each well within its lock). `workerId` names this worker in the logs.
 */
export async function drainOutbox({ workerId = defaultWorkerId(), limit = 10, now = new Date() }: { workerId?: string; limit?: number; now?: Date } = {}): Promise<DrainResult> {
  const rows = await claimDueMessages({ limit, now });
  const result: DrainResult = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
  const outcomes = await Promise.allSettled(rows.map((row) => deliver(row, now)));
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.status === "rejected") {
      console.error(`Outbox [${workerId}]: could not record the result of message ${rows[index].id}:`, outcome.reason instanceof Error ? outcome.reason.message : outcome.reason);
    } else if (outcome.value === "sent") result.sent++;
    else if (outcome.value === "retry") result.retried++;
    else if (outcome.value === "failed") result.failed++;
  }
  return result;
}

const defaultWorkerId = () => `${hostname()}:${process.pid}`;

const POLL_MS = 5_000;
const BATCH = 10;

export type OutboxWorker = { workerId: string; wake: () => void; stop: () => Promise<void> };

const state = globalThis as unknown as { cporOutboxWorker?: OutboxWorker };

/**
 * Delivers soon, without waiting for the next poll, if this process runs a worker (a message that
 * should not wait, such as a sign-in link, was just queued). Otherwise the running workers poll it.
 */
export function wakeOutboxWorker() {
  state.cporOutboxWorker?.wake();
}

/**
 * Polls the outbox every few seconds in this process.
 * The timers are unref'd: they never keep a process alive on their own. Started once per process.
 */
export function startOutboxWorker({ pollMs = POLL_MS }: { pollMs?: number } = {}): OutboxWorker {
  if (state.cporOutboxWorker) return state.cporOutboxWorker;
  const workerId = `${defaultWorkerId()}:${randomUUID().slice(0, 8)}`;
  let running: Promise<void> | undefined;
  let stopped = false;

  const pass = async () => {
    // Keep going while full batches come back, so a backlog drains without waiting for the next tick.
    for (let round = 0; round < 20 && !stopped; round++) {
      const result = await drainOutbox({ workerId, limit: BATCH });
      if (result.claimed < BATCH) break;
    }
  };
  let rerun = false;
  const tick = () => {
    if (running || stopped) return;
    running = pass()
      .catch((error) => console.error(`Outbox [${workerId}]: pass failed:`, error instanceof Error ? error.message : error))
      .finally(() => {
        running = undefined;
        if (rerun) {
          rerun = false;
          tick();
        }
      });
  };

  const first = setTimeout(tick, Math.min(pollMs, 1_000));
  const timer = setInterval(tick, pollMs);
  first.unref();
  timer.unref();
  const worker: OutboxWorker = {
    workerId,
    wake() {
      if (running) rerun = true;
      else setTimeout(tick, 0).unref();
    },
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
      if (state.cporOutboxWorker === worker) state.cporOutboxWorker = undefined;
    },
  };
  state.cporOutboxWorker = worker;
  return worker;
}
