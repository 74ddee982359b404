import { notFound } from "next/navigation";
import { CompareClaims } from "@/components/review/CompareClaims";
import { requireReviewer } from "@/lib/auth/session";
import { compareView } from "@/lib/review/compare";
import { parseId } from "@/lib/text";

export default async function CompareClaimsPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireReviewer();
  const id = parseId((await params).id);
  const view = id ? await compareView(viewer, id) : null;
  if (!view) notFound();
  return <CompareClaims {...view} />;
}
