// An organisation's webhook endpoints: registration, changes, secrets and the delivery log. Every lookup
// is scoped to the incentive admin's organisation, so another organisation's endpoint id finds nothing.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { done, invalid, invalidInput, refused } from "../result";
import { seal } from "../notify/seal";
import type { PartnerViewer } from "../auth/session";
import { checkEndpointUrl } from "./address";
import { emitTestEvent, webhookEventTypes, type WebhookEventType } from "./events";
import { endpointSchema } from "./schemas";
import { newSigningSecret } from "./signing";

/** How many deliveries the log of an endpoint shows. */
export const LOG_SIZE = 50;

const scoped = (viewer: PartnerViewer, id: string) => ({ id, organizationId: viewer.organization.id });

export type DeliveryLogEntry = {
  id: string;
  eventId: string;
  eventType: string;
  claimId: string | null;
  createdAt: string;
  status: "PENDING" | "SENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastAttemptAt: string | null;
  statusCode: number | null;
  error: string | null;
  nextRetryAt: string | null;
};

export type EndpointView = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  createdAt: string;
  log: DeliveryLogEntry[];
};

/** The organisation's endpoints, oldest first, each with its last LOG_SIZE deliveries (newest first). */
export async function webhooksPageView(viewer: PartnerViewer): Promise<EndpointView[]> {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { organizationId: viewer.organization.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      enabled: true,
      createdAt: true,
      deliveries: { orderBy: [{ createdAt: "desc" }, { seq: "desc" }], take: LOG_SIZE },
    },
  });
  return endpoints.map((e) => ({
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events.filter((type): type is WebhookEventType => (webhookEventTypes as readonly string[]).includes(type)),
    enabled: e.enabled,
    createdAt: e.createdAt.toISOString(),
    log: e.deliveries.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      claimId: d.claimId,
      createdAt: d.createdAt.toISOString(),
      status: d.status,
      attempts: d.attempts,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      statusCode: d.lastStatusCode,
      error: d.lastError,
      nextRetryAt: d.status === "PENDING" && d.attempts > 0 ? d.availableAt.toISOString() : null,
    })),
  }));
}

/** The endpoint's fields as entered, checked as at registration (the address check included), or the refusal field by field. */
async function checkedEndpoint(values: unknown) {
  const parsed = endpointSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const problem = await checkEndpointUrl(parsed.data.url, { allowPrivate: env().WEBHOOK_ALLOW_PRIVATE });
  if (problem) return invalid({ url: problem });
  return done(parsed.data);
}

/** Registers an endpoint; the answer carries its signing secret, the only time it is shown. */
export async function createEndpoint(viewer: PartnerViewer, values: unknown) {
  const checked = await checkedEndpoint(values);
  if (!checked.ok) return checked;
  const { url, description, events } = checked.data;
  const secret = newSigningSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: { organizationId: viewer.organization.id, url, description, events, secretSealed: seal(secret) },
    select: { id: true },
  });
  return done({ id: endpoint.id, secret });
}

/**
 * Changes an endpoint's URL, description and events, checked as at registration. Its secret, its state
 * and its log stay; deliveries still waiting go to the new URL.
 */
export async function updateEndpoint(viewer: PartnerViewer, id: string, values: unknown) {
  const checked = await checkedEndpoint(values);
  if (!checked.ok) return checked;
  const { url, description, events } = checked.data;
  const updated = await db.webhookEndpoint.updateMany({ where: scoped(viewer, id), data: { url, description, events } });
  return updated.count === 1 ? done() : refused("notFound");
}

/** Enables or disables an endpoint (a disabled one gets no new events; its pending deliveries wait). */
export async function setEndpointEnabled(viewer: PartnerViewer, id: string, enabled: boolean) {
  const updated = await db.webhookEndpoint.updateMany({ where: scoped(viewer, id), data: { enabled } });
  return updated.count === 1 ? done() : refused("notFound");
}

/** Deletes an endpoint and its delivery log. */
export async function deleteEndpoint(viewer: PartnerViewer, id: string) {
  const deleted = await db.webhookEndpoint.deleteMany({ where: scoped(viewer, id) });
  return deleted.count === 1 ? done() : refused("notFound");
}

/** A new signing secret (the old one stops at once); the answer carries it, the only time it is shown. */
export async function rotateSecret(viewer: PartnerViewer, id: string) {
  const secret = newSigningSecret();
  const updated = await db.webhookEndpoint.updateMany({ where: scoped(viewer, id), data: { secretSealed: seal(secret) } });
  return updated.count === 1 ? done({ secret }) : refused("notFound");
}

/** Queues a `webhook.test` event for the endpoint; it goes out through the same delivery job. */
export async function sendTestEvent(viewer: PartnerViewer, id: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: scoped(viewer, id), select: { id: true } });
    if (!endpoint) return refused("notFound");
    const eventId = await emitTestEvent(tx, { endpointId: endpoint.id, organizationId: viewer.organization.id, now });
    return done({ eventId });
  });
}

