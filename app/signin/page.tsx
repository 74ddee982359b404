import { redirect } from "next/navigation";
import { SignInForm } from "@/components/signin/SignInForm";
import { homePath, loadViewer } from "@/lib/auth/session";
import { entraConfigured, env } from "@/lib/env";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const viewer = await loadViewer();
  if (viewer) redirect(homePath(viewer));
  const { error } = await searchParams;
  return <SignInForm error={error} entra={entraConfigured(env())} />;
}
