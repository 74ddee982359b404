// Who is asking: the signed-in viewer, loaded from the database on every request, and the role gates
// every page and server action passes through. Out-of-role access answers 404, never a hint.
import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { db } from "../db";
import { auth } from "./index";
import { lookUpSession } from "./session-lookup";
import { viewerSelect, type ViewerRow } from "./viewer-select";

/**
 * The signed-in user, or null when there is no valid session. Throws when the session could not be
 * looked up (ServiceUnavailable when the database is unreachable): that is not a sign-out.
 */
export const loadViewer = cache(async (): Promise<ViewerRow | null> => {
  const session = await lookUpSession(() => auth());
  const id = session?.user?.id;
  if (!id) return null;
  // Read with the session, in the same query (lib/auth/index.ts, getSessionAndUser).
  const viewer = (session as { viewer?: ViewerRow }).viewer;
  if (viewer?.id === id) return viewer;
  return db.user.findUnique({ where: { id }, select: viewerSelect });
});

export type Viewer = NonNullable<Awaited<ReturnType<typeof loadViewer>>>;
export type PartnerViewer = Viewer & { role: "INCENTIVE_ADMIN"; organization: NonNullable<Viewer["organization"]> };
/** A Microsoft reviewer: what the validation console's functions take, so only a checked reviewer reaches them. */
export type ReviewerViewer = Viewer & { role: "REVIEWER" };

/** The signed-in viewer, or a redirect to sign-in. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await loadViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}

export const isPartnerAdmin = (viewer: Viewer): viewer is PartnerViewer =>
  viewer.role === "INCENTIVE_ADMIN" && viewer.organization !== null;

/** An incentive admin with an organisation; anyone else gets 404. */
export async function requirePartnerAdmin(): Promise<PartnerViewer> {
  const viewer = await requireViewer();
  if (!isPartnerAdmin(viewer)) notFound();
  return viewer;
}

/** A Microsoft reviewer; anyone else gets 404. */
export async function requireReviewer(): Promise<ReviewerViewer> {
  const viewer = await requireViewer();
  if (!isReviewer(viewer)) notFound();
  return viewer;
}

export const isReviewer = (viewer: Viewer): viewer is ReviewerViewer => viewer.role === "REVIEWER";

/** Where a viewer starts: partners at their claims, reviewers at the validation queue. */
export const homePath = (viewer: Viewer) => (viewer.role === "REVIEWER" ? "/review" : "/claims");
