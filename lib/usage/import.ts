// Loads monthly usage figures into the database: a usage file (`npm run usage:import`) or the demo figures
// (the seed). All or nothing: every row is checked (the file's fields, then the workloads and subscriptions
// it names) before one transaction upserts them by their natural key, so a second run of the same file
// changes nothing and a bad file writes nothing.
import type { Db, Tx } from "../db-client";
import { monthKey } from "./months";
import { readUsageFile, type UsageFileError, type UsageRow } from "./file";

export type UsageFigureInput = Omit<UsageRow, "row">;
export type UsageImportCounts = { added: number; updated: number; unchanged: number };
export type UsageImportResult = { ok: true; counts: UsageImportCounts } | { ok: false; errors: UsageFileError[] };

/** Upserts of one statement: large files go in slices, each well under PostgreSQL's parameter limits. */
const SLICE = 1_000;

/**
 * The rows that name what the reference data does not know: a workload that is not a Modern Work and
 * Security one (Business Applications usage is per subscription), an unknown subscription, or a
 * subscription of another tenant than the row's.
 */
export async function referenceErrors(client: Tx, rows: UsageRow[]): Promise<UsageFileError[]> {
  const workloadIds = [...new Set(rows.flatMap((r) => (r.workloadId ? [r.workloadId] : [])))];
  const subscriptionIds = [...new Set(rows.flatMap((r) => (r.subscriptionId ? [r.subscriptionId] : [])))];
  const [workloads, subscriptions] = await Promise.all([
    client.workload.findMany({ where: { id: { in: workloadIds } }, select: { id: true, solutionArea: true } }),
    client.subscription.findMany({ where: { id: { in: subscriptionIds } }, select: { id: true, tenantId: true } }),
  ]);
  const areaOf = new Map(workloads.map((w) => [w.id, w.solutionArea]));
  const tenantOf = new Map(subscriptions.map((s) => [s.id, s.tenantId]));
  return rows.flatMap((row): UsageFileError[] => {
    if (row.workloadId) {
      const area = areaOf.get(row.workloadId);
      if (area === "MODERN_WORK_SECURITY") return [];
      const message = area ? "is a Business Applications product: its usage is per subscription (subscription_id)" : "is not a workload of the catalog";
      return [{ row: row.row, field: "workload_id", message }];
    }
    const tenant = tenantOf.get(row.subscriptionId!);
    if (tenant === undefined) return [{ row: row.row, field: "subscription_id", message: "is not a known subscription" }];
    if (tenant !== row.tenantId) return [{ row: row.row, field: "tenant_id", message: `is not the subscription's tenant (${tenant})` }];
    return [];
  });
}

const inSlices = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / SLICE) }, (_, i) => items.slice(i * SLICE, (i + 1) * SLICE));

/** Upserts tenant workload figures; returns, per row written, whether it was new. A figure unchanged is not touched. */
function upsertWorkloadFigures(client: Tx, figures: UsageFigureInput[], importedAt: Date) {
  return client.$queryRaw<{ added: boolean }[]>`
    INSERT INTO "UsageFigure" (id, "tenantId", "workloadId", month, "activeUsers", "importedAt")
    SELECT gen_random_uuid()::text, f.tenant, f.workload, f.month, f.active, ${importedAt.toISOString()}::timestamp
    FROM unnest(${figures.map((f) => f.tenantId)}::uuid[], ${figures.map((f) => f.workloadId)}::text[], ${figures.map((f) => monthKey(f.month) + "-01")}::date[], ${figures.map((f) => f.activeUsers)}::int[])
      AS f(tenant, workload, month, active)
    ON CONFLICT ("tenantId", "workloadId", month) WHERE "workloadId" IS NOT NULL DO UPDATE
      SET "activeUsers" = EXCLUDED."activeUsers", "importedAt" = EXCLUDED."importedAt"
      WHERE "UsageFigure"."activeUsers" IS DISTINCT FROM EXCLUDED."activeUsers"
    RETURNING (xmax = 0) AS added`;
}

/** Upserts subscription figures; returns, per row written, whether it was new. A figure unchanged is not touched. */
function upsertSubscriptionFigures(client: Tx, figures: UsageFigureInput[], importedAt: Date) {
  return client.$queryRaw<{ added: boolean }[]>`
    INSERT INTO "UsageFigure" (id, "tenantId", "subscriptionId", month, "activeUsers", "licensedSeats", "importedAt")
    SELECT gen_random_uuid()::text, f.tenant, f.subscription, f.month, f.active, f.seats, ${importedAt.toISOString()}::timestamp
    FROM unnest(${figures.map((f) => f.tenantId)}::uuid[], ${figures.map((f) => f.subscriptionId)}::uuid[], ${figures.map((f) => monthKey(f.month) + "-01")}::date[],
                ${figures.map((f) => f.activeUsers)}::int[], ${figures.map((f) => f.licensedSeats)}::int[])
      AS f(tenant, subscription, month, active, seats)
    ON CONFLICT ("subscriptionId", month) WHERE "subscriptionId" IS NOT NULL DO UPDATE
      SET "activeUsers" = EXCLUDED."activeUsers", "licensedSeats" = EXCLUDED."licensedSeats", "importedAt" = EXCLUDED."importedAt"
      WHERE ("UsageFigure"."activeUsers", "UsageFigure"."licensedSeats") IS DISTINCT FROM (EXCLUDED."activeUsers", EXCLUDED."licensedSeats")
    RETURNING (xmax = 0) AS added`;
}

/** Upserts checked figures by their natural key (call it in a transaction); counts what changed. */
export async function saveUsageFigures(client: Tx, figures: UsageFigureInput[], { now = new Date() }: { now?: Date } = {}): Promise<UsageImportCounts> {
  const written: { added: boolean }[] = [];
  for (const slice of inSlices(figures.filter((f) => f.workloadId))) written.push(...(await upsertWorkloadFigures(client, slice, now)));
  for (const slice of inSlices(figures.filter((f) => f.subscriptionId))) written.push(...(await upsertSubscriptionFigures(client, slice, now)));
  const added = written.filter((w) => w.added).length;
  return { added, updated: written.length - added, unchanged: figures.length - written.length };
}

/** Imports a usage file: every row checked first, then all of them in one transaction, or nothing. */
export async function importUsageFile(client: Db, text: string, { now = new Date() }: { now?: Date } = {}): Promise<UsageImportResult> {
  const file = readUsageFile(text, { now });
  if (!file.ok) return file;
  return client.$transaction(
    async (tx): Promise<UsageImportResult> => {
      const errors = await referenceErrors(tx, file.rows);
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, counts: await saveUsageFigures(tx, file.rows.map(({ row: _, ...figure }) => figure), { now }) };
    },
    { timeout: 120_000 },
  );
}
