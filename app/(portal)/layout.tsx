import type { ReactNode } from "react";
import { ShellFor } from "@/components/shell/ShellFor";
import { requirePartnerAdmin } from "@/lib/auth/session";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePartnerAdmin();
  return <ShellFor viewer={viewer}>{children}</ShellFor>;
}
