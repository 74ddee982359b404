// After the load run: does every status change have its audit row, is every submission whole, does
// every PoE file row have its blob, and, once the portal's own sweep of orphaned blobs has run, does
// every blob have its row. Printed as counts with examples, not asserted.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { BlobServiceClient } from "@azure/storage-blob";
import type { Db } from "../lib/db-client";
import { messageKinds } from "../lib/notify/messages";
import { bin } from "../scripts/stack";
import { record } from "./results";

const run = promisify(execFile);
type Finding = { check: string; found: number; examples: string[] };

async function blobNames(env: Record<string, string | undefined>, { uncommitted }: { uncommitted: boolean }) {
  const container = BlobServiceClient.fromConnectionString(env.AZURE_STORAGE_CONNECTION_STRING!).getContainerClient(env.AZURE_STORAGE_CONTAINER!);
  const names = new Set<string>();
  for await (const blob of container.listBlobsFlat({ includeUncommitedBlobs: uncommitted })) names.add(blob.name);
  return names;
}

/** The first column of a fixed query (no parameters). */
async function ids(db: Db, sql: string) {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(sql);
  return rows.map((r) => r.id);
}

export async function checkIntegrity({ db, env }: { db: Db; env: Record<string, string | undefined> }) {
  const findings: Finding[] = [];
  const add = (check: string, found: string[]) => findings.push({ check, found: found.length, examples: found.slice(0, 3) });
  const approval = messageKinds.customerApprovalRequest;

  add(
    "claims whose status differs from their last audited status change (none: Draft)",
    await ids(
      db,
      `SELECT c.id || ' ' || c.status || ' (audit: ' || COALESCE(e."toStatus"::text, 'none') || ')' AS id FROM "Claim" c
       LEFT JOIN LATERAL (SELECT "toStatus" FROM "ClaimEvent" e WHERE e."claimId" = c.id AND e."toStatus" IS NOT NULL ORDER BY e.at DESC, e.id DESC LIMIT 1) e ON true
       WHERE c.status::text <> COALESCE(e."toStatus"::text, 'DRAFT')`,
    ),
  );
  add(
    "submitted claims without their submission record, submission time or customer email (outbox)",
    await db.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM "Claim" c WHERE c.status <> 'DRAFT' AND (c."submittedAt" IS NULL
        OR NOT EXISTS (SELECT 1 FROM "ClaimSubmission" s WHERE s."claimId" = c.id)
        OR NOT EXISTS (SELECT 1 FROM "OutboxMessage" o WHERE o."claimId" = c.id AND o.kind = ${approval}))`.then((rows) => rows.map((r) => r.id)),
  );
  add(
    "claims created through the wizard without their 'created' audit row",
    await ids(db, `SELECT c.id FROM "Claim" c WHERE c.id NOT LIKE 'bench%' AND NOT EXISTS (SELECT 1 FROM "ClaimEvent" e WHERE e."claimId" = c.id AND e.action = 'created')`),
  );
  add(
    "claims with more PoE file rows than audited uploads (added minus removed)",
    await ids(
      db,
      `SELECT f."claimId" AS id FROM "PoeFile" f GROUP BY f."claimId"
       HAVING count(*) > (SELECT count(*) FILTER (WHERE e.action = 'poeFileAdded') - count(*) FILTER (WHERE e.action = 'poeFileRemoved') FROM "ClaimEvent" e WHERE e."claimId" = f."claimId")`,
    ),
  );

  const rows = await db.poeFile.findMany({ select: { blobName: true, claimId: true } });
  const committed = await blobNames(env, { uncommitted: false });
  add("PoE file rows whose blob is missing", rows.filter((r) => !committed.has(r.blobName)).map((r) => `${r.blobName} (claim ${r.claimId})`));

  const known = new Set(rows.map((r) => r.blobName));
  const orphansBefore = [...(await blobNames(env, { uncommitted: true }))].filter((name) => !known.has(name));
  const { stdout } = await run(bin("tsx"), ["--conditions=react-server", "bench/sweep-orphan-blobs.ts"], { env: env as NodeJS.ProcessEnv });
  const swept = (JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { deleted?: number }).deleted ?? NaN;
  const knownAfter = new Set((await db.poeFile.findMany({ select: { blobName: true } })).map((r) => r.blobName));
  add("blobs without a PoE file row, after the portal's sweep (sweepOrphanBlobs, no grace period)", [...(await blobNames(env, { uncommitted: true }))].filter((name) => !knownAfter.has(name)));

  const counts = await db.$queryRaw<{ status: string; claims: number }[]>`SELECT status::text, count(*)::int AS claims FROM "Claim" GROUP BY status ORDER BY status`;
  return { findings, orphansBefore: orphansBefore.length, swept, fileRows: rows.length, blobs: committed.size, counts };
}

export function printIntegrity(result: Awaited<ReturnType<typeof checkIntegrity>>) {
  console.log(`\nIntegrity after the run: claims by status ${result.counts.map((c) => `${c.status} ${c.claims}`).join(", ")}; ${result.fileRows} PoE file rows, ${result.blobs} committed blobs`);
  console.log(`Blobs without a row before the sweep (left by failed uploads): ${result.orphansBefore}; the portal's sweep removed ${result.swept}`);
  console.table(result.findings.map((f) => ({ check: f.check, found: f.found, examples: f.examples.join("; ") })));
  for (const f of result.findings) record(`load integrity: ${f.check}`, f.found, "found", "0", f.found === 0);
}
