import { redirect } from "next/navigation";
import { SignInForm } from "@/components/signin/SignInForm";
import { homePath, loadViewer } from "@/lib/auth/session";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { emailLinkEnabled, entraConfigured, env } from "@/lib/env";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const viewer = await loadViewer();
  if (viewer) redirect(homePath(viewer));
  const { error } = await searchParams;
  // A cookie naming no session (signed out elsewhere, expired): forget it before a new sign-in.
  if (await hasSessionCookie()) redirect(`/signin/clear${error ? `?error=${encodeURIComponent(error)}` : ""}`);
  const settings = env();
  return <SignInForm error={error} methods={{ entra: entraConfigured(settings), emailLink: emailLinkEnabled(settings) }} />;
}
