import { notFound } from "next/navigation";
import { ClaimView } from "@/components/claims/ClaimView";
import { PoeSummary } from "@/components/poe/PoeSummary";
import { requirePartnerAdmin } from "@/lib/auth/session";
import { claimPageView } from "@/lib/claims/claim-page";
import { parseId } from "@/lib/text";

export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePartnerAdmin();
  const id = parseId((await params).id);
  const view = id ? await claimPageView(viewer, id) : null;
  if (!view) notFound();
  const { proof, ...props } = view;
  return (
    <ClaimView {...props}>
      {proof ? <PoeSummary claimId={props.claim.id} proof={proof} workloads={props.claim.workloads.map((w) => ({ id: w.id, name: w.name }))} /> : null}
    </ClaimView>
  );
}
