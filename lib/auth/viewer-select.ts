import type { Prisma } from "../generated/prisma/client";

// What the portal loads about the signed-in user on every request (see loadViewer in session.ts).
export const viewerSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  organization: { select: { id: true, name: true, locations: { select: { partnerId: true, city: true }, orderBy: { partnerId: "asc" } } } },
} as const;

/** The viewer as `viewerSelect` reads it. */
export type ViewerRow = Prisma.UserGetPayload<{ select: typeof viewerSelect }>;
