import { notFound, redirect } from "next/navigation";
import { PoePage } from "@/components/poe/PoePage";
import { requirePartnerAdmin } from "@/lib/auth/session";
import { findClaim } from "@/lib/claims/queries";
import { proofOfClaim } from "@/lib/poe/queries";
import { parseId } from "@/lib/text";

export default async function UploadPoePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePartnerAdmin();
  const id = parseId((await params).id);
  if (!id) notFound();
  const claim = await findClaim(viewer, id);
  if (!claim) notFound();
  // The proof changes while the claim is editable (a dispute's new files are added on the claim page).
  if (claim.status !== "DRAFT" && claim.status !== "PARTNER_ACTION_REQUIRED") redirect(`/claims/${claim.id}`);
  const proof = await proofOfClaim(claim.id);
  const workloads = [...claim.workloads].sort((a, b) => a.workload.sortOrder - b.workload.sortOrder).map((w) => ({ id: w.workload.id, name: w.workload.name }));
  return <PoePage claimId={claim.id} claimName={claim.name} workloads={workloads} proof={proof} resubmission={claim.status === "PARTNER_ACTION_REQUIRED"} />;
}
