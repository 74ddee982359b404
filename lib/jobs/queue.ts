// The portal's periodic background jobs on pg-boss, a job queue in PostgreSQL: each job runs on its cron
// schedule once across any number of portal instances and workers (pg-boss picks one), is retried with
// backoff when it fails, and leaves a history that reviewers see on /review/jobs.
//
// What must be sent stays recorded in the transactional outbox (lib/notify/outbox.ts), written in the
// same transaction as the change it announces; the outbox is drained by its own short poll
// (lib/notify/worker.ts). The jobs here are the timed work: reminders, the no-response expiry, the end of
// associations whose subscription ended, and upkeep.
//
// pg-boss sends its SQL through the portal's own connection pool (lib/db.ts): the embedded database
// takes a single connection, and one pool per process is what the configuration sizes anyway.
import "server-only";
import { PgBoss, type Db as QueueDb } from "pg-boss";
import { db, dbPool } from "../db";
import { scheduleReminders } from "../notify/reminders";
import { expireUnansweredClaims } from "../claims/expiry";
import { endExpiredAssociations, noticeEndingAssociations } from "../claims/associations";
import { sweepRateLimits } from "../auth/sign-in-limit";
import { sweepOrphanBlobs } from "../poe/files";
import { sweepCustomerAccessTokens } from "../customer/access-token";
import { deliverWebhooks, sweepWebhookDeliveries } from "../webhooks/delivery";
import { computeDashboardFigures } from "../review/dashboard";

const HOUR_MS = 60 * 60 * 1000;
const webhookDeliveryJob = "webhook-delivery";

type JobDefinition = {
  /** Queue name; also the name reviewers see. */
  name: string;
  /** When it runs (cron, UTC). */
  cron: string;
  /** The work; its result (a count) is kept in the job's history. */
  run: () => Promise<number>;
  /** How often a worker looks for a queued run (default: the worker's poll); short for work asked for on demand. */
  pollSeconds?: number;
};

/** Every periodic job: the one place that says what runs and when. */
export const periodicJobs: readonly JobDefinition[] = [
  // Reminder emails to customers who have not answered (they go out through the outbox).
  { name: "customer-reminders", cron: "*/5 * * * *", run: () => scheduleReminders(new Date()) },
  // The lifecycle's timed move: claims left in Partner action required past their timer are rejected.
  { name: "partner-response-expiry", cron: "*/5 * * * *", run: () => expireUnansweredClaims(db, { now: new Date() }) },
  // Business Applications associations whose subscription has ended.
  { name: "association-end", cron: "*/15 * * * *", run: () => endExpiredAssociations(db) },
  // The partner's email 30 days before an association ends with its subscription.
  { name: "association-end-notice", cron: "27 * * * *", run: () => noticeEndingAssociations(db) },
  // Sign-in request counts of rate-limit windows that have ended.
  { name: "sign-in-limit-sweep", cron: "7 * * * *", run: () => sweepRateLimits(db) },
  // Customers' one-hour links to their requests that have expired (used or not).
  { name: "customer-link-sweep", cron: "37 * * * *", run: () => sweepCustomerAccessTokens(db) },
  // PoE blobs whose upload was cut off before its row was written, and blocks staged but never
  // committed (after an hour's grace, so an upload in progress keeps its blocks).
  { name: "poe-orphan-sweep", cron: "17 * * * *", run: () => sweepOrphanBlobs({ olderThanMs: HOUR_MS }) },
  // Webhook deliveries that are due (lib/webhooks/delivery.ts): every minute, and at once when a change
  // asks for it (requestWebhookDelivery), such as "Send test event".
  { name: webhookDeliveryJob, cron: "* * * * *", run: () => deliverWebhooks(), pollSeconds: 2 },
  // Webhook deliveries finished more than 30 days ago (the endpoints' logs show the last 50).
  { name: "webhook-log-sweep", cron: "47 * * * *", run: () => sweepWebhookDeliveries() },
  // The reviewers' dashboard's median time to a decision (it reads every decision event), and the
  // folding of the claims-by-status change rows.
  { name: "dashboard-figures", cron: "*/10 * * * *", run: () => computeDashboardFigures(db) },
];

const queueOptions = {
  retryLimit: 4,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  // History: completed and failed jobs stay visible for a week.
  deleteAfterSeconds: 7 * 24 * 60 * 60,
} as const;

/** pg-boss's SQL through the portal's pool (multi-statement texts go as simple queries). */
export const portalPool = (): QueueDb => ({
  executeSql: (text, values) => dbPool().query(text, values as unknown[] | undefined),
});

const state = globalThis as unknown as { cporJobs?: Promise<PgBoss>; cporJobsReader?: Promise<PgBoss> };

async function startBoss(options: { schedule: boolean; supervise: boolean }) {
  const boss = new PgBoss({ db: portalPool(), schema: "pgboss", ...options, migrate: true, registerInstance: false });
  boss.on("error", (error) => console.error("Jobs:", error instanceof Error ? error.message : error));
  await boss.start();
  return boss;
}

/** Creates each job's queue (retries with backoff, a week of history) and its schedule; idempotent. */
export async function registerJobs(boss: PgBoss) {
  for (const job of periodicJobs) {
    await boss.createQueue(job.name, queueOptions);
    await boss.schedule(job.name, job.cron, null, { tz: "UTC" });
  }
}

/**
 * Starts this process's share of the background jobs (once per process): registers each queue and its
 * schedule, and works them. Any number of processes may do so: each run is picked up by one of them.
 */
export function startJobs({ pollSeconds = 30 }: { pollSeconds?: number } = {}): Promise<PgBoss> {
  state.cporJobs ??= (async () => {
    const boss = await startBoss({ schedule: true, supervise: true });
    await registerJobs(boss);
    for (const job of periodicJobs) {
      // Periodic jobs need no quick pickup: a run due at 12:05 starting by 12:05:30 is on time.
      await boss.work(job.name, { pollingIntervalSeconds: job.pollSeconds ?? pollSeconds }, async () => {
        const count = await job.run();
        if (count > 0) console.log(`Jobs: ${job.name} handled ${count}.`);
        return { count };
      });
    }
    return boss;
  })().catch((error) => {
    state.cporJobs = undefined;
    throw error;
  });
  return state.cporJobs;
}

/**
 * Queues a run of the webhook delivery job now (a worker of any instance picks it up within 2 s), so
 * what was just queued goes out without waiting for the minute's run. Without a running job queue in
 * this process, the next scheduled run delivers it.
 */
export async function requestWebhookDelivery() {
  const running = state.cporJobs;
  if (!running) return;
  try {
    await (await running).send(webhookDeliveryJob, {});
  } catch (error) {
    console.error("Webhooks: could not queue a delivery run:", error instanceof Error ? error.message : error);
  }
}

/** Stops this process's workers, letting running jobs finish. */
export async function stopJobs() {
  const running = state.cporJobs;
  state.cporJobs = undefined;
  if (running) await (await running).stop({ graceful: true, close: false, timeout: 30_000 });
}

export type JobRun = { id: string; state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed"; createdOn: Date; startedOn: Date | null; completedOn: Date | null; retryCount: number; output: string | null };
export type JobQueueView = { name: string; cron: string; queued: number; active: number; failed: number; runs: JobRun[] };

const describeOutput = (output: unknown): string | null => {
  if (output == null) return null;
  if (typeof output === "object" && "count" in output) return String((output as { count: unknown }).count);
  if (typeof output === "object" && "message" in output) return String((output as { message: unknown }).message);
  return JSON.stringify(output);
};

/** The operators' view: each periodic job's schedule, its queue's counts and its most recent runs. */
export async function jobsOverview({ runs = 10 }: { runs?: number } = {}): Promise<JobQueueView[]> {
  // A process that does not work the jobs (WORKER=off) reads them through a pg-boss that runs nothing.
  const boss = await (state.cporJobs ?? (state.cporJobsReader ??= startBoss({ schedule: false, supervise: false }).catch((error) => {
    state.cporJobsReader = undefined;
    throw error;
  })));
  const queues = new Map((await boss.getQueues(periodicJobs.map((job) => job.name))).map((queue) => [queue.name, queue]));
  return Promise.all(
    periodicJobs.map(async (job) => {
      const queue = queues.get(job.name);
      const found = queue ? await boss.findJobs<object>(job.name) : [];
      const recent = found
        .sort((a, b) => b.createdOn.getTime() - a.createdOn.getTime())
        .slice(0, runs)
        .map((run) => ({
          id: run.id,
          state: run.state,
          createdOn: run.createdOn,
          startedOn: run.startedOn ?? null,
          completedOn: run.completedOn,
          retryCount: run.retryCount,
          output: describeOutput(run.output),
        }));
      return { name: job.name, cron: job.cron, queued: queue?.queuedCount ?? 0, active: queue?.activeCount ?? 0, failed: queue?.failedCount ?? 0, runs: recent };
    }),
  );
}
