// Runs once when a portal instance starts (Node.js runtime only): stamps requests with the client's
// address, schedules background upkeep.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installClientAddressHook } = await import("./lib/client-address-hook");
  installClientAddressHook();
  const { startPoeMaintenance } = await import("./lib/poe/maintenance");
  startPoeMaintenance();
  // The email outbox worker (lib/notify/worker.ts) in this instance; WORKER=off leaves it to `npm run worker`.
  const { env, EnvError } = await import("./lib/env");
  try {
    if (env().WORKER === "off") return;
  } catch (error) {
    if (error instanceof EnvError) return console.error(`Email worker not started. ${error.message}`);
    throw error;
  }
  const { startOutboxWorker } = await import("./lib/notify/worker");
  startOutboxWorker();
}
