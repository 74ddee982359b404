// Runs once when a portal instance starts (Node.js runtime only): stamps requests with the client's
// address, and starts this instance's share of the background work unless WORKER=off leaves it to
// `npm run worker`: the email outbox (lib/notify/worker.ts) and the periodic jobs (lib/jobs/queue.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installClientAddressHook } = await import("./lib/client-address-hook");
  installClientAddressHook();
  const { env, EnvError } = await import("./lib/env");
  try {
    if (env().WORKER === "off") return;
  } catch (error) {
    if (error instanceof EnvError) return console.error(`Background work not started. ${error.message}`);
    throw error;
  }
  const { startOutboxWorker } = await import("./lib/notify/worker");
  startOutboxWorker();
  const { startJobs } = await import("./lib/jobs/queue");
  // The portal serves requests even if the job queue cannot start now (the database is down): the
  // jobs are retried at the next start, and any running worker or instance runs them meanwhile.
  startJobs().catch((error) => console.error("Periodic jobs not started:", error instanceof Error ? error.message : error));
}
