// Runs the portal's own sweep of PoE blobs without a file row (lib/poe/files.ts) once, with no grace
// period, on the environment's database and blob storage, and prints how many blobs it removed.
// Run with `tsx --conditions=react-server`: the portal's server modules refuse to load anywhere else.
import { sweepOrphanBlobs } from "../lib/poe/files";

const deleted = await sweepOrphanBlobs({ olderThanMs: 0 });
console.log(JSON.stringify({ deleted }));
process.exit(0);
