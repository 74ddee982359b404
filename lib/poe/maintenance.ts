// Periodic upkeep of PoE storage in every portal instance: removes blobs whose upload was cut off
// before its row was written, and blocks staged but never committed (after an hour's grace, so an
// upload still in progress keeps its blocks). Deleting an orphan is idempotent, so instances need no
// coordination.
import "server-only";
import { sweepOrphanBlobs } from "./files";

const HOUR = 60 * 60 * 1000;
let started = false;

export function startPoeMaintenance() {
  if (started) return;
  started = true;
  const sweep = () =>
    sweepOrphanBlobs({ olderThanMs: HOUR })
      .then((deleted) => deleted > 0 && console.log(`PoE storage: removed ${deleted} blob(s) without a file record.`))
      .catch((error) => console.error("PoE storage sweep failed:", error instanceof Error ? error.message : error));
  setTimeout(sweep, 60_000).unref();
  setInterval(sweep, HOUR).unref();
}
