// Test data written directly, in the state a test needs: claims in any status (with their workloads or
// subscriptions and contacts), and the cleanup of everything made. Each claim gets a random tenant (or
// Northwind for Business Applications), so tests in different files never meet.
import { randomUUID } from "node:crypto";
import type { ContactsInput } from "@/lib/claims/schemas";
import type { Db } from "@/lib/db-client";
import type { ClaimStatus, CustomerResponse, PartnerRole } from "@/lib/generated/prisma/enums";
import { DEMO } from "@/lib/reference/demo-data";

export const CUSTOMER = { name: "Nancy Davolio", address: "1 Main Street\nSeattle, WA 98052", email: "nancy@northwind.example" };
export const PARTNER_CONTACT = { name: "Pat Partner", email: "pat@partner.example" };

/**
 * The wizard's contacts step as a partner fills it in: the customer contact (the email in mixed case,
 * as people type it) and the partner's contact at `partnerEmail`.
 */
export const contactsInput = (partnerEmail: string): ContactsInput => ({
  customerContactName: CUSTOMER.name,
  customerContactTitle: "IT Director",
  customerContactAddress: CUSTOMER.address,
  customerContactEmail: "Nancy@Northwind.example",
  customerLocale: "en",
  partnerContactName: PARTNER_CONTACT.name,
  partnerContactEmail: partnerEmail,
});

export type ClaimSpec = {
  /** The organisation, its PartnerID and the admin who created the claim. */
  organizationId: string;
  partnerId: string;
  createdById: string;
  status?: ClaimStatus;
  statusChangedAt?: Date | null;
  /** Default: now for a submitted claim, none for a Draft. */
  submittedAt?: Date | null;
  name?: string;
  partnerRole?: PartnerRole;
  /** Modern Work and Security (the default): a random tenant unless given, and these workloads. */
  tenantId?: string;
  workloadIds?: string[];
  /** Business Applications: these subscriptions (of Northwind unless `tenantId`), their products as the workloads. */
  subscriptionIds?: string[];
  customerEmail?: string;
  customerLocale?: string;
  customerResponse?: CustomerResponse;
  partnerContactEmail?: string;
  hasConflict?: boolean;
  assignedToId?: string | null;
  deletedAt?: Date | null;
  /** The PoE's details, dated by the customer's acknowledgement (none unless given). */
  poeAcknowledgedOn?: Date;
};

/** Makes claims for one test file and deletes them (events, associations and outbox rows by cascade) at `cleanup`. */
export function claimFactory(db: Db, { prefix = "Test" }: { prefix?: string } = {}) {
  const made: string[] = [];
  async function makeClaim(spec: ClaimSpec): Promise<string> {
    const { status = "SUBMITTED", subscriptionIds } = spec;
    const business = subscriptionIds !== undefined;
    const products = business
      ? (await db.subscription.findMany({ where: { id: { in: subscriptionIds } }, select: { workloadId: true } })).map((s) => s.workloadId)
      : (spec.workloadIds ?? ["mws-microsoft-teams", "mws-microsoft-intune"]);
    const statusChangedAt = spec.statusChangedAt !== undefined ? spec.statusChangedAt : status === "DRAFT" ? null : new Date();
    const claim = await db.claim.create({
      data: {
        organizationId: spec.organizationId,
        partnerId: spec.partnerId,
        solutionArea: business ? "BUSINESS_APPLICATIONS" : "MODERN_WORK_SECURITY",
        partnerRole: spec.partnerRole ?? (business ? "BUILD_INTENT_ADVISOR" : "USE_OR_CONSUME"),
        name: spec.name ?? `${prefix} ${randomUUID().slice(0, 8)}`,
        tenantId: spec.tenantId ?? (business ? DEMO.tenants.northwind : randomUUID()),
        customerContactName: CUSTOMER.name,
        customerContactAddress: CUSTOMER.address,
        customerContactEmail: spec.customerEmail ?? CUSTOMER.email,
        ...(spec.customerLocale ? { customerLocale: spec.customerLocale } : {}),
        partnerContactName: PARTNER_CONTACT.name,
        partnerContactEmail: spec.partnerContactEmail ?? PARTNER_CONTACT.email,
        status,
        statusChangedAt,
        submittedAt: spec.submittedAt !== undefined ? spec.submittedAt : status === "DRAFT" ? null : (statusChangedAt ?? new Date()),
        customerResponse: spec.customerResponse ?? "NONE",
        hasConflict: spec.hasConflict ?? false,
        assignedToId: spec.assignedToId ?? null,
        assignedAt: spec.assignedToId ? new Date() : null,
        deletedAt: spec.deletedAt ?? null,
        creationKey: randomUUID(),
        createdById: spec.createdById,
        workloads: { create: [...new Set(products)].map((workloadId) => ({ workloadId })) },
        ...(business ? { subscriptions: { create: subscriptionIds.map((subscriptionId) => ({ subscriptionId })) } } : {}),
        ...(spec.poeAcknowledgedOn
          ? {
              proof: {
                create: {
                  documentType: "MICROSOFT_TEMPLATE",
                  activitiesDescription: "Deployment and adoption workshops.",
                  activityWorkloads: [{ activity: "deployment", workloadIds: [...new Set(products)] }],
                  customerAcknowledgedOn: spec.poeAcknowledgedOn,
                  acknowledgedByName: CUSTOMER.name,
                  updatedById: spec.createdById,
                },
              },
            }
          : {}),
      },
    });
    made.push(claim.id);
    return claim.id;
  }
  return {
    makeClaim,
    /** Deletes every claim made so far. */
    cleanup: async () => {
      await db.claim.deleteMany({ where: { id: { in: made.splice(0) } } });
    },
  };
}
