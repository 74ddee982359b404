// What the email templates know about a claim (read by lib/notify/render.ts).
import type { PartnerRole, SolutionArea } from "../../generated/prisma/enums";

export type EmailClaim = {
  id: string;
  name: string;
  partnerName: string;
  partnerId: string;
  partnerCity: string | null;
  partnerContactName: string;
  partnerContactEmail: string;
  customerContactName: string;
  tenantId: string;
  tenantName: string | null;
  solutionArea: SolutionArea;
  partnerRole: PartnerRole;
  /** Workloads (Modern Work and Security) or products with their subscription IDs (Business Applications). */
  items: { name: string; subscriptions: string[] }[];
  /** The proof says US or Puerto Rico public sector: the email carries the Public Sector Disclosure. */
  publicSector: boolean;
  submittedAt: Date | null;
};

export type CustomerLinks = { page: string; approve: string; decline: string; access: string };
