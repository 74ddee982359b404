// The demo users as the session gate loads them (the select of loadViewer),
// for tests that call the domain functions directly.
import type { PartnerViewer, Viewer } from "@/lib/auth/session";
import type { Db } from "@/lib/db-client";
import { viewerSelect } from "@/lib/auth/viewer-select";


export function loadViewerByEmail(db: Db, email: string): Promise<Viewer> {
  return db.user.findUniqueOrThrow({ where: { email }, select: viewerSelect });
}

export async function loadPartnerViewer(db: Db, email: string): Promise<PartnerViewer> {
  const viewer = await loadViewerByEmail(db, email);
  if (viewer.role !== "INCENTIVE_ADMIN" || !viewer.organization) throw new Error(`${email} is not an incentive admin of an organisation`);
  return viewer as PartnerViewer;
}
