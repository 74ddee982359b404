import type { ReactNode } from "react";
import { ShellFor } from "@/components/shell/ShellFor";
import { requireReviewer } from "@/lib/auth/session";

export default async function ReviewLayout({ children }: { children: ReactNode }) {
  const viewer = await requireReviewer();
  return <ShellFor viewer={viewer}>{children}</ShellFor>;
}
