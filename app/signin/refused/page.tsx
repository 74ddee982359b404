import { SignInRefused } from "@/components/signin/SignInRefused";
import { refusalReasons, type RefusalReason } from "@/lib/auth/entra";

export default async function SignInRefusedPage({ searchParams }: { searchParams: Promise<{ reason?: string | string[] }> }) {
  const { reason } = await searchParams;
  const known = refusalReasons.find((r): r is RefusalReason => r === reason);
  return <SignInRefused reason={known} />;
}
