import { notFound, redirect } from "next/navigation";
import { PoePage } from "@/components/poe/PoePage";
import { requirePartnerAdmin } from "@/lib/auth/session";
import { poePageView } from "@/lib/poe/queries";
import { parseId } from "@/lib/text";

export default async function UploadPoePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePartnerAdmin();
  const id = parseId((await params).id);
  const view = id ? await poePageView(viewer, id) : null;
  if (!view) notFound();
  if (!view.editable) redirect(`/claims/${view.claimId}`);
  const { editable: _editable, ...props } = view;
  return <PoePage {...props} />;
}
