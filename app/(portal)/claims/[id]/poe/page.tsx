import { notFound, redirect } from "next/navigation";
import { PoePage } from "@/components/poe/PoePage";
import { requirePartnerAdmin } from "@/lib/auth/session";
import { findClaim } from "@/lib/claims/queries";
import { proofOfClaim } from "@/lib/poe/queries";

export default async function UploadPoePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePartnerAdmin();
  const { id } = await params;
  const claim = await findClaim(viewer, id);
  if (!claim) notFound();
  // Until resubmission exists (Partner action required), the proof is added to Drafts only.
  if (claim.status !== "DRAFT") redirect(`/claims/${claim.id}`);
  const proof = await proofOfClaim(claim.id);
  const workloads = [...claim.workloads].sort((a, b) => a.workload.sortOrder - b.workload.sortOrder).map((w) => ({ id: w.workload.id, name: w.workload.name }));
  return <PoePage claimId={claim.id} claimName={claim.name} workloads={workloads} proof={proof} />;
}
