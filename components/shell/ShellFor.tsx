// Server wrapper: renders the shell for the signed-in viewer.
import type { ReactNode } from "react";
import type { Viewer } from "@/lib/auth/session";
import { AppShell } from "./AppShell";

export function ShellFor({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return (
    <AppShell user={{ name: viewer.name, email: viewer.email, role: viewer.role, organization: viewer.organization?.name ?? null }}>
      {children}
    </AppShell>
  );
}
