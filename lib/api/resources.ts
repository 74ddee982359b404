// What the API answers with: the claim, its history and its proof of execution as JSON (ids as strings,
// times as ISO 8601, field names as the request bodies name them), each shape a zod schema the OpenAPI
// document is generated from, and the functions that make them from what lib/claims and lib/poe read.
import { z } from "zod";
import { claimStatuses } from "../claims/vocabulary";
import { partnerRoles, solutionAreas } from "../claims/roles";
import type { ClaimDetail } from "../claims/queries";
import { locales } from "../i18n/locales";
import type { ProofView } from "../poe/queries";
import { acknowledgementKeys, poeActivityTypes, poeDocumentTypes } from "../poe/vocabulary";

const time = z.string().meta({ format: "date-time", example: "2026-12-03T10:00:00.000Z" });
const nullableTime = time.nullable();

export const claimResource = z
  .object({
    id: z.string().meta({ example: "cmc1k2x3y0000abcd1234efgh" }),
    name: z.string(),
    status: z.enum(claimStatuses),
    solutionArea: z.enum(solutionAreas),
    partnerRole: z.enum(partnerRoles),
    partnerId: z.string().meta({ description: "The PartnerID of the organisation's location the claim is for." }),
    tenantId: z.string().meta({ description: "The customer's tenant (directory) ID, lower case.", format: "uuid" }),
    incentiveOptOut: z.boolean(),
    dynamicsSellerName: z.string().nullable(),
    customerName: z.string().nullable(),
    isvSolutionName: z.string().nullable(),
    workloadIds: z.array(z.string()),
    subscriptionIds: z.array(z.string()),
    customerContactName: z.string(),
    customerContactTitle: z.string().nullable(),
    customerContactAddress: z.string(),
    customerContactEmail: z.string(),
    customerLocale: z.enum(locales),
    partnerContactName: z.string(),
    partnerContactEmail: z.string(),
    customerResponse: z.enum(["NONE", "APPROVED", "DECLINED"]),
    customerRespondedAt: nullableTime,
    statusReasonCode: z.string().nullable(),
    statusReasonText: z.string().nullable(),
    statusChangedAt: nullableTime,
    submittedAt: nullableTime,
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: "Claim", description: "A claim of the token's organisation." });

export type ClaimResource = z.infer<typeof claimResource>;

export const claimPage = z
  .object({
    data: z.array(claimResource),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "ClaimPage" });

export const historyEntry = z
  .object({
    id: z.string(),
    at: time,
    action: z.string().meta({ example: "submitted" }),
    fromStatus: z.enum(claimStatuses).nullable(),
    toStatus: z.enum(claimStatuses).nullable(),
    reasonCode: z.string().nullable(),
    note: z.string().nullable(),
    actor: z.object({ name: z.string().nullable(), role: z.enum(["INCENTIVE_ADMIN", "REVIEWER"]) }).nullable(),
  })
  .meta({ id: "HistoryEntry" });

export const historyList = z.object({ data: z.array(historyEntry) }).meta({ id: "History" });

export const poeFileResource = z.object({ id: z.string(), fileName: z.string(), kind: z.string().meta({ example: "pdf" }), size: z.number().int(), uploadedAt: time }).meta({ id: "PoeFile" });

export const poeResource = z
  .object({
    details: z
      .object({
        documentType: z.enum(poeDocumentTypes),
        activitiesDescription: z.string(),
        activities: z.array(z.object({ activity: z.enum(poeActivityTypes), workloadIds: z.array(z.string()) })),
        customerAcknowledgedOn: z.string().meta({ format: "date" }),
        acknowledgedByName: z.string(),
        acknowledgedByTitle: z.string().nullable(),
        publicSector: z.boolean(),
      })
      .nullable(),
    comments: z.string(),
    files: z.array(poeFileResource),
  })
  .meta({ id: "ProofOfExecution" });

export const problemResource = z
  .object({
    type: z.string().meta({ format: "uri" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details. `errors` names each field that was refused." });

export const acknowledgementList = acknowledgementKeys;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A claim as the API shows it. */
export function claimJson(claim: Omit<ClaimDetail, "events" | "location">): ClaimResource {
  return {
    id: claim.id,
    name: claim.name,
    status: claim.status,
    solutionArea: claim.solutionArea,
    partnerRole: claim.partnerRole,
    partnerId: claim.partnerId,
    tenantId: claim.tenantId,
    incentiveOptOut: claim.incentiveOptOut,
    dynamicsSellerName: claim.dynamicsSellerName,
    customerName: claim.customerName,
    isvSolutionName: claim.isvSolutionName,
    workloadIds: [...claim.workloads].sort((a, b) => a.workload.sortOrder - b.workload.sortOrder).map((w) => w.workload.id),
    subscriptionIds: claim.subscriptions.map((s) => s.subscription.id).sort(),
    customerContactName: claim.customerContactName,
    customerContactTitle: claim.customerContactTitle,
    customerContactAddress: claim.customerContactAddress,
    customerContactEmail: claim.customerContactEmail,
    customerLocale: claim.customerLocale === "ja" ? "ja" : "en",
    partnerContactName: claim.partnerContactName,
    partnerContactEmail: claim.partnerContactEmail,
    customerResponse: claim.customerResponse,
    customerRespondedAt: iso(claim.customerRespondedAt),
    statusReasonCode: claim.statusReasonCode,
    statusReasonText: claim.statusReasonText,
    statusChangedAt: iso(claim.statusChangedAt),
    submittedAt: iso(claim.submittedAt),
    createdAt: claim.createdAt.toISOString(),
    updatedAt: claim.updatedAt.toISOString(),
  };
}

/** The claim's history as the partner's claim page shows it (the reviewers' own work left out by the query). */
export function historyJson(claim: Pick<ClaimDetail, "events">): z.infer<typeof historyList> {
  return {
    data: claim.events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      action: event.action,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reasonCode: event.reasonCode,
      note: event.note,
      actor: event.actor ? { name: event.actor.name, role: event.actor.role } : null,
    })),
  };
}

export function poeJson(proof: ProofView): z.infer<typeof poeResource> {
  return {
    details: proof.details
      ? { ...proof.details, documentType: proof.details.documentType as (typeof poeDocumentTypes)[number], activities: proof.details.activities as { activity: (typeof poeActivityTypes)[number]; workloadIds: string[] }[], acknowledgedByTitle: proof.details.acknowledgedByTitle ?? null }
      : null,
    comments: proof.comments,
    files: proof.files,
  };
}
