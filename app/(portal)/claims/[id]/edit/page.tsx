import { WizardRoute } from "@/components/claims/wizard/WizardRoute";

export default async function EditDraftPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ step?: string }> }) {
  const [{ id }, { step }] = await Promise.all([params, searchParams]);
  return <WizardRoute claimKey={id} requestedStep={step} />;
}
