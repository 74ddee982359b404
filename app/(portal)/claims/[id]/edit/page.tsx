import { notFound } from "next/navigation";
import { WizardRoute } from "../../wizard-route";
import { parseId } from "@/lib/text";

export default async function EditDraftPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ step?: string }> }) {
  const [{ id: given }, { step }] = await Promise.all([params, searchParams]);
  const id = parseId(given);
  if (!id) notFound();
  return <WizardRoute claimKey={id} requestedStep={step} />;
}
