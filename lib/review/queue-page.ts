// What the reviewer's queue page shows (app/(review)/review/page.tsx composes it): one keyset page of
// the filtered queue, its count, the organisations to filter by, and each row's timer.
import "server-only";
import type { ReviewerViewer } from "../auth/session";
import { db } from "../db";
import { countQueue, listQueue, queueQuerySchema, reviewOrganizations, rowTimer } from "./queue";
import { resolveSearch, searchesClaimNames } from "./queue-search";

const PAGE_SIZE = 50;

/** `params`: the page's search parameters (the first value of each). */
export async function reviewQueueView(viewer: ReviewerViewer, params: Record<string, string | undefined>, now = new Date()) {
  const query = queueQuerySchema.parse(params);
  // One lookup of the search for the page and its count.
  const search = await resolveSearch(db, query.q);
  const [page, total, organizations] = await Promise.all([
    listQueue(db, query, viewer.id, PAGE_SIZE, search),
    countQueue(db, query, viewer.id, { search }),
    reviewOrganizations(db),
  ]);
  return {
    query,
    total,
    /** A search too short to search claim names (the page says so). */
    shortSearch: Boolean(query.q && search?.kind === "text" && !searchesClaimNames(query.q)),
    organizations,
    next: page.next,
    previous: page.previous,
    viewerId: viewer.id,
    rows: page.rows.map(({ submittedAt, statusChangedAt, ...row }) => {
      const { due, ...timer } = rowTimer({ status: row.status, statusChangedAt }, now);
      return { ...row, ...timer, submittedAt: submittedAt.toISOString(), dueAt: due?.toISOString() ?? null };
    }),
  };
}
