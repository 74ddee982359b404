// The periodic jobs on pg-boss, against the test database: schedules registered once however many
// processes register them, a job run by a worker with its result in the history, a failing job retried.
import { afterAll, describe, expect, it } from "vitest";
import { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { jobsOverview, periodicJobs, portalPool, registerJobs, startJobs, stopJobs } from "@/lib/jobs/queue";

const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

afterAll(async () => {
  await stopJobs();
  await db.$disconnect();
});

describe("periodic jobs", () => {
  it("registers each job's queue and schedule once, however many instances start", async () => {
    const boss = await startJobs({ pollSeconds: 1 });
    // A second instance (another portal or `npm run worker`) registering the same jobs.
    const other = new PgBoss({ db: portalPool(), schema: "pgboss", schedule: false, supervise: false, registerInstance: false });
    other.on("error", () => undefined);
    await other.start();
    await registerJobs(other);
    await other.stop({ graceful: false, close: false });

    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => `${s.name} ${s.cron} ${s.timezone}`).sort()).toEqual(periodicJobs.map((job) => `${job.name} ${job.cron} UTC`).sort());
    const queues = await boss.getQueues(periodicJobs.map((job) => job.name));
    expect(queues).toHaveLength(periodicJobs.length);
    for (const queue of queues) expect({ retryLimit: queue.retryLimit, retryBackoff: queue.retryBackoff }).toEqual({ retryLimit: 4, retryBackoff: true });
  });

  it("runs a job in a worker and keeps its result in the history reviewers see", async () => {
    const boss = await startJobs({ pollSeconds: 1 });
    const key = `jobs-test:${crypto.randomUUID()}`;
    await db.rateLimit.create({ data: { key, count: 3, resetAt: new Date(Date.now() - 60_000) } });
    const id = await boss.send("sign-in-limit-sweep", null);
    expect(id).toBeTruthy();

    const overview = await until(jobsOverview, (views) => views.find((v) => v.name === "sign-in-limit-sweep")?.runs.find((run) => run.id === id)?.state === "completed");
    const run = overview.find((v) => v.name === "sign-in-limit-sweep")!.runs.find((r) => r.id === id)!;
    expect(run.state).toBe("completed");
    expect(Number(run.output)).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimit.findUnique({ where: { key } })).toBeNull();
    expect(overview.map((v) => v.name)).toEqual(periodicJobs.map((job) => job.name));
    expect(overview.find((v) => v.name === "sign-in-limit-sweep")!.cron).toBe("7 * * * *");
  });

  it("retries a failed run after its delay, and completes it", async () => {
    const boss = await startJobs({ pollSeconds: 1 });
    // A queue of the same configuration whose work fails once, then succeeds.
    const name = `jobs-test-${Date.now()}`;
    await boss.createQueue(name, { retryLimit: 2, retryDelay: 1, retryBackoff: true });
    let attempts = 0;
    await boss.work(name, { pollingIntervalSeconds: 0.5 }, async () => {
      attempts++;
      if (attempts === 1) throw new Error("storage unreachable");
      return { count: 0 };
    });
    const id = (await boss.send(name, null))!;
    const [job] = await until(() => boss.findJobs(name, { id }), (jobs) => jobs[0]?.state === "completed", 30_000);
    expect(job.state).toBe("completed");
    expect(job.retryCount).toBe(1);
    expect(attempts).toBe(2);
    await boss.offWork(name);
    await boss.deleteQueue(name);
  });
});
