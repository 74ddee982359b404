// Runs once when a portal instance starts (Node.js runtime only): schedules background upkeep.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startPoeMaintenance } = await import("./lib/poe/maintenance");
  startPoeMaintenance();
}
