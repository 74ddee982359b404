// What one simulated incentive admin sends the portal in the load benchmark, as the browser would: pages
// with the session cookie, the wizard's server actions, a PoE upload and a submission through their
// routes. Each request is timed and classed: ok, a clean failure (503, or the page's or form's own error
// message), a server error, another unexpected answer, a timeout, or no answer at all.
import { readFileSync } from "node:fs";
import path from "node:path";
import messages from "../messages/en.json";

export const requestKinds = [
  "claims list",
  "wizard step 1",
  "wizard step 2",
  "wizard step 3",
  "wizard step 4",
  "wizard save (action)",
  "add customer (action)",
  "PoE upload",
  "submit",
] as const;
export type RequestKind = (typeof requestKinds)[number];
export const outcomes = ["ok", "clean failure", "5xx", "unexpected", "timeout", "no answer"] as const;
export type Outcome = (typeof outcomes)[number];
/** `detail` says what a request that was not ok got: the status, where a redirect went, a refusal's code. */
export type RequestRecord = { kind: RequestKind; startedAt: number; endedAt: number; outcome: Outcome; detail?: string };
type Judgement = Outcome | [Outcome, string];

/** The portal's own error page (app/error.tsx, messages/en.json "Errors"), as its words appear in the HTML. */
const ownErrorTexts = [messages.Errors.title, messages.Errors.generic].flatMap((text) => [text, text.replace(/'/g, "&#x27;")]);

/** The server actions the wizard calls, by name, from the build's manifest of server references. */
export function serverActionIds(names: string[]) {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName && names.includes(entry.exportedName)) ids.set(entry.exportedName, id);
  const missing = names.filter((name) => !ids.has(name));
  if (missing.length > 0) throw new Error(`Server actions not in the build: ${missing.join(", ")}`);
  return ids;
}

/** A server action's answer: the value in the React Flight rows of the response (row 0 names the row holding it). */
function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const reference = typeof head?.a === "string" && /^\$@([0-9a-f]+)$/.exec(head.a);
    return reference ? JSON.parse(rows.get(reference[1]) ?? "null") : head?.a;
  } catch {
    return undefined;
  }
}

type Answer = { status: number; body: string; location: string | null } | { error: "timeout" | "no answer" };

export class PortalClient {
  readonly records: RequestRecord[] = [];

  constructor(
    private readonly options: { baseUrl: string; sessionToken: string; timeoutMs: number; origin: number },
  ) {}

  private async send(kind: RequestKind, pathname: string, init: RequestInit, judge: (status: number, body: string) => Judgement): Promise<{ outcome: Outcome; body?: string }> {
    const startedAt = performance.now();
    let answer: Answer;
    try {
      const response = await fetch(`${this.options.baseUrl}${pathname}`, {
        ...init,
        redirect: "manual",
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: { cookie: `authjs.session-token=${this.options.sessionToken}`, origin: this.options.baseUrl, ...init.headers },
      });
      answer = { status: response.status, body: await response.text(), location: response.headers.get("location") ?? response.headers.get("x-action-redirect") };
    } catch (error) {
      answer = { error: error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError") ? "timeout" : "no answer" };
    }
    const endedAt = performance.now();
    const at = (t: number) => t - this.options.origin;
    if ("error" in answer) {
      this.records.push({ kind, startedAt: at(startedAt), endedAt: at(endedAt), outcome: answer.error });
      return { outcome: answer.error };
    }
    const judged = judge(answer.status, answer.body);
    const [outcome, why] = typeof judged === "string" ? [judged, undefined] : judged;
    const detail = outcome === "ok" ? undefined : [answer.status, answer.location && `→ ${new URL(answer.location, this.options.baseUrl).pathname}`, why].filter(Boolean).join(" ");
    this.records.push({ kind, startedAt: at(startedAt), endedAt: at(endedAt), outcome, detail });
    return { outcome, body: answer.body };
  }

  /** A page: 200 is ok; a 503, or a server error showing the portal's own error message, is a clean failure. */
  async page(kind: RequestKind, pathname: string) {
    const { outcome } = await this.send(kind, pathname, { method: "GET", headers: { accept: "text/html" } }, (status, body) => {
      if (status === 200) return "ok";
      if (status === 503 || (status >= 500 && ownErrorTexts.some((text) => body.includes(text)))) return "clean failure";
      return status >= 500 ? "5xx" : "unexpected";
    });
    return outcome === "ok";
  }

  /** A server action, called as the page's form calls it; its answer `{ ok: false, problem: "unavailable" }` (lib/actions.ts) is the form's own error message. */
  async action<T extends { ok: boolean }>(kind: RequestKind, pathname: string, actionId: string, args: unknown[]): Promise<T | null> {
    let result: T | null = null;
    await this.send(
      kind,
      pathname,
      { method: "POST", headers: { accept: "text/x-component", "next-action": actionId, "content-type": "text/plain;charset=UTF-8" }, body: JSON.stringify(args) },
      (status, body) => {
        const value = status === 200 ? (actionResult(body) as T | undefined) : undefined;
        if (value?.ok) {
          result = value;
          return "ok";
        }
        const refusal = value ? JSON.stringify(value).slice(0, 120) : undefined;
        if (status === 503 || (value as { problem?: string } | undefined)?.problem === "unavailable") return ["clean failure", refusal ?? ""];
        return [status >= 500 ? "5xx" : "unexpected", refusal ?? ""];
      },
    );
    return result;
  }

  /** A JSON route handler: `expected` is ok; 503 with a JSON error code is a clean failure. */
  async route(kind: RequestKind, pathname: string, init: RequestInit, expected: number) {
    const { outcome, body } = await this.send(kind, pathname, { method: "POST", ...init }, (status, text) => {
      if (status === expected) return "ok";
      const code = /"(?:error|problem)"\s*:\s*"([^"]*)"/.exec(text)?.[1] ?? "";
      if (status === 503 && code) return ["clean failure", code];
      return [status >= 500 ? "5xx" : "unexpected", code];
    });
    return outcome === "ok" ? (JSON.parse(body ?? "null") as unknown) : null;
  }
}
