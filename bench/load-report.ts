// The load benchmark's figures: requests and latency per kind, the server's memory over the run, and
// what each fault produced and how long until requests succeeded again. Figures, not assertions.
import { availableParallelism } from "node:os";
import { outcomes, requestKinds, type Outcome, type RequestRecord } from "./load-requests";
import { median, percentile } from "./poe";
import { record } from "./results";

export type Fault = { name: string; startedAt: number; backAt: number };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function tally(records: RequestRecord[]) {
  const counts = Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const r of records) counts[r.outcome] += 1;
  return counts;
}

/** The answers that were not ok, most frequent first: "307 → /signin ×12". */
function notOk(records: RequestRecord[]) {
  const counts = new Map<string, number>();
  for (const r of records) if (r.outcome !== "ok") counts.set(r.detail ?? r.outcome, (counts.get(r.detail ?? r.outcome) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([what, n]) => `${what} ×${n}`).join("; ");
}

export function printRequests(records: RequestRecord[], run: { users: number; minutes: number; thinkMs: number; timeoutMs: number; elapsedMs: number; machineLoad: number[] }) {
  console.log(
    `\nLoad: ${run.users} simulated incentive admins for ${run.minutes} min (${seconds(run.elapsedMs)} measured; think time ${run.thinkMs} ms ± 50%, timeout ${seconds(run.timeoutMs)}), ` +
      `${records.length} requests, ${(records.length / (run.elapsedMs / 1000)).toFixed(1)} requests/s; faults included. ` +
      `Machine load average (1 min) at start and end: ${run.machineLoad.map((l) => l.toFixed(1)).join(", ")} on ${availableParallelism()} cores`,
  );
  console.table(
    requestKinds.map((kind) => {
      const mine = records.filter((r) => r.kind === kind);
      const answered = mine.filter((r) => r.outcome !== "timeout" && r.outcome !== "no answer").map((r) => r.endedAt - r.startedAt);
      return {
        kind,
        requests: mine.length,
        ...tally(mine),
        "p50 latency": answered.length ? `${percentile(answered, 50).toFixed(0)} ms` : "-",
        "p95 latency": answered.length ? `${percentile(answered, 95).toFixed(0)} ms` : "-",
      };
    }),
  );
  for (const kind of requestKinds) {
    const mine = records.filter((r) => r.kind === kind);
    const answered = mine.filter((r) => r.outcome !== "timeout" && r.outcome !== "no answer").map((r) => r.endedAt - r.startedAt);
    if (answered.length > 0) record(`load: ${kind}, p95 latency (faults included)`, percentile(answered, 95), "ms", "figure (no target)", true);
    // Every request either succeeds or fails cleanly: no 5xx, no unexpected status, no timeout.
    const unclean = mine.filter((r) => r.outcome !== "ok" && r.outcome !== "clean failure").length;
    record(`load: ${kind}, requests neither ok nor a clean failure`, unclean, "requests", "0", unclean === 0);
  }
  const failures = requestKinds.map((kind) => [kind, notOk(records.filter((r) => r.kind === kind))] as const).filter(([, text]) => text);
  if (failures.length > 0) {
    console.log("What the requests that were not ok got (status, redirect, error code; whole run):");
    for (const [kind, text] of failures) console.log(`  ${kind}: ${text}`);
  }
}

export function printMemory(samples: { at: number; bytes: number }[]) {
  const end = samples[samples.length - 1].at;
  const first = samples.filter((s) => s.at <= 60_000).map((s) => s.bytes);
  const last = samples.filter((s) => s.at >= end - 60_000).map((s) => s.bytes);
  record("load: server RSS growth, first to last minute (medians)", (median(last) - median(first)) / 1024 / 1024, "MB", "figure (no target)", true);
  console.log(`\nServer RSS (next start and its children), every 10 s: ${samples.map((s) => mb(s.bytes).replace(" MB", "")).join(" ")} MB`);
  console.table([
    {
      "first minute, median": mb(median(first)),
      "last minute, median": mb(median(last)),
      growth: `${mb(median(last) - median(first))} (${(((median(last) - median(first)) / median(first)) * 100).toFixed(1)}%)`,
      peak: mb(Math.max(...samples.map((s) => s.bytes))),
    },
  ]);
}

/**
 * Per fault: the requests in flight or started while the service was away, per kind and outcome; then,
 * among requests started after it was back, when each kind first succeeded and when the last failure ended.
 */
export function printFaults(records: RequestRecord[], faults: Fault[]) {
  for (const [i, fault] of faults.entries()) {
    const during = records.filter((r) => r.startedAt < fault.backAt && r.endedAt > fault.startedAt);
    // Until the next fault begins, or two minutes.
    const until = Math.min(fault.backAt + 120_000, faults[i + 1]?.startedAt ?? Infinity);
    const after = records.filter((r) => r.startedAt >= fault.backAt && r.startedAt < until);
    console.log(`\nFault: ${fault.name}, from ${seconds(fault.startedAt)} to ${seconds(fault.backAt)} of the run (service away ${seconds(fault.backAt - fault.startedAt)})`);
    console.log("Requests in flight or started while the service was away:");
    console.table(
      requestKinds
        .map((kind) => {
          const mine = during.filter((r) => r.kind === kind);
          const firstOk = after.filter((r) => r.kind === kind && r.outcome === "ok").sort((a, b) => a.endedAt - b.endedAt)[0];
          return { kind, requests: mine.length, ...tally(mine), "first ok after back": firstOk ? `+${seconds(firstOk.endedAt - fault.backAt)}` : "-", "not ok": notOk(mine) };
        })
        .filter((row) => row.requests > 0),
    );
    const failedAfter = after.filter((r) => r.outcome !== "ok");
    const lastFailure = failedAfter.sort((a, b) => b.endedAt - a.endedAt)[0];
    const span = `started in the ${seconds(until - fault.backAt)} after it was back`;
    console.log(
      after.length === 0
        ? "No request started after it was back (the run ended)."
        : lastFailure
          ? `Of the ${after.length} requests ${span}, ${failedAfter.length} failed (${notOk(failedAfter)}); the last failure ended at +${seconds(lastFailure.endedAt - fault.backAt)}.`
          : `All ${after.length} requests ${span} succeeded.`,
    );
  }
}
