// The events an organisation's webhook endpoints receive, and their emission: one WebhookDelivery row per
// subscribed endpoint, written in the transaction of the change the event announces (the outbox
// pattern: the change and its announcement commit together or not at all). lib/webhooks/delivery.ts
// sends them.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db-client";
import { Prisma } from "../generated/prisma/client";

/** What an endpoint can subscribe to. */
export const webhookEventTypes = ["claim.submitted", "claim.status_changed", "claim.customer_responded", "association.ended"] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
/** The "Send test event" button's event, sent to one endpoint whatever it subscribed to. */
export const TEST_EVENT = "webhook.test";

export type WebhookEventData = { claimId?: string; [key: string]: unknown };

/** The JSON body of an event, as signed and sent on every attempt. */
export const eventBody = ({ id, type, now, organizationId, data }: { id: string; type: string; now: Date; organizationId: string; data: WebhookEventData }) =>
  JSON.stringify({ id, type, timestamp: now.toISOString(), data: { ...data, organizationId } });

const newEventId = () => `evt_${randomUUID().replaceAll("-", "")}`;

export type WebhookEvent = { type: WebhookEventType; organizationId: string; claimId: string; data: WebhookEventData; now?: Date };

/**
 * The INSERT that queues `type` for every enabled endpoint of the organisation that subscribed to it,
 * one event id for all of them, as a statement to run or to place in a change's own statement (a
 * data-modifying CTE): `when` is an extra SQL condition (the change happened). A row for each endpoint
 * that listens, none when nobody does.
 */
export function webhookEventInsert(event: WebhookEvent, when: Prisma.Sql = Prisma.sql`true`) {
  const now = event.now ?? new Date();
  const id = newEventId();
  const body = eventBody({ id, type: event.type, now, organizationId: event.organizationId, data: { claimId: event.claimId, ...event.data } });
  const sql = Prisma.sql`
    INSERT INTO "WebhookDelivery" (id, "endpointId", "eventId", "eventType", "claimId", body, "availableAt", "createdAt")
    SELECT gen_random_uuid()::text, e.id, ${id}, ${event.type}, ${event.claimId}, ${body}, ${now.toISOString()}::timestamp, ${now.toISOString()}::timestamp
    FROM "WebhookEndpoint" e
    WHERE e."organizationId" = ${event.organizationId} AND e.enabled AND ${event.type} = ANY(e.events) AND ${when}`;
  return { id, sql };
}

/**
 * Queues `type` for every enabled endpoint of the organisation that subscribed to it, inside the
 * caller's transaction. One event id for all of them. Returns the event id (null when nobody listens).
 */
export async function emitWebhookEvent(tx: Tx, event: WebhookEvent): Promise<string | null> {
  const { id, sql } = webhookEventInsert(event);
  return (await tx.$executeRaw(sql)) > 0 ? id : null;
}

/** A `webhook.test` event for one endpoint (the caller checked it is the organisation's). */
export async function emitTestEvent(tx: Tx, { endpointId, organizationId, now = new Date() }: { endpointId: string; organizationId: string; now?: Date }) {
  const id = newEventId();
  const body = eventBody({ id, type: TEST_EVENT, now, organizationId, data: { message: "A test event from the CPOR claims portal." } });
  await tx.webhookDelivery.create({ data: { endpointId, eventId: id, eventType: TEST_EVENT, body, availableAt: now, createdAt: now } });
  return id;
}
