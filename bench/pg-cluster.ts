// A PostgreSQL cluster of the load benchmark's own (Debian's PostgreSQL binaries, run as the postgres
// user), so the database can be restarted mid-run without touching the machine's shared server.
import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const POSTGRES_BIN = "/usr/lib/postgresql/15/bin";

export type PgCluster = { url: string; port: number; restart: () => Promise<{ downMs: number }>; remove: () => Promise<void> };

/** Runs a PostgreSQL program as the postgres user (PostgreSQL refuses to run as root). */
function asPostgres(program: string, args: string[]) {
  const command = path.join(POSTGRES_BIN, program);
  return process.getuid?.() === 0 ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args);
}

async function postgresIds() {
  const { stdout } = await run("id", ["postgres"]);
  const uid = Number(/uid=(\d+)/.exec(stdout)?.[1]);
  const gid = Number(/gid=(\d+)/.exec(stdout)?.[1]);
  return { uid, gid };
}

/** Creates a cluster in a new temporary directory and starts it on `port` (trust authentication, loopback only). */
export async function startPgCluster(port: number): Promise<PgCluster> {
  if (!existsSync(path.join(POSTGRES_BIN, "initdb"))) throw new Error(`The load benchmark needs PostgreSQL 15's programs in ${POSTGRES_BIN} (apt-get install postgresql-15).`);
  const root = mkdtempSync(path.join(tmpdir(), "cpor-load-pg-"));
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "postgres.log");
  if (process.getuid?.() === 0) {
    const { uid, gid } = await postgresIds();
    chownSync(root, uid, gid);
  }
  chmodSync(root, 0o700);
  const remove = async () => {
    await asPostgres("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await asPostgres("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-instructions"]);
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c max_connections=200`;
    await asPostgres("pg_ctl", ["-D", dataDir, "-o", options, "-l", logFile, "-w", "-t", "60", "start"]);
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      port,
      // A fast shutdown: connections are cut and open transactions rolled back, as in a failover or a restart for an update.
      restart: async () => {
        const started = performance.now();
        await asPostgres("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "restart", "-o", options, "-l", logFile]);
        return { downMs: performance.now() - started };
      },
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
