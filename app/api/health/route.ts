// GET /api/health: whether the portal and its database, blob storage and SMTP are up (503 if any is
// down); each dependency's detail only for reviewers or with HEALTH_DETAIL=on (lib/health.ts).
import { loadViewer } from "@/lib/auth/session";
import { healthFor } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  // With the database down the viewer cannot be loaded: answer as to anyone.
  const viewer = await loadViewer().catch(() => null);
  const report = await healthFor(viewer);
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
