import { notFound } from "next/navigation";
import { PoeSummary } from "@/components/poe/PoeSummary";
import { ReviewClaimView } from "@/components/review/ReviewClaimView";
import { requireReviewer } from "@/lib/auth/session";
import { reviewPageView } from "@/lib/review/review-page";
import { parseId } from "@/lib/text";

export default async function ReviewClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireReviewer();
  const id = parseId((await params).id);
  const view = id ? await reviewPageView(viewer, id) : null;
  if (!view) notFound();
  const { proof, ...props } = view;
  return (
    <ReviewClaimView {...props}>
      <PoeSummary claimId={props.claim.id} proof={proof} workloads={props.claim.workloads.map((w) => ({ id: w.id, name: w.name }))} />
    </ReviewClaimView>
  );
}
