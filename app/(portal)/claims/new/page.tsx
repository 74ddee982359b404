import { WizardRoute } from "../wizard-route";

export default async function NewClaimPage({ searchParams }: { searchParams: Promise<{ step?: string; area?: string }> }) {
  const { step, area } = await searchParams;
  return <WizardRoute claimKey="new" requestedStep={step} requestedArea={area} />;
}
