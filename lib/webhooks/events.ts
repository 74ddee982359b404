// The events an organisation's webhook endpoints receive, and their emission: one WebhookDelivery row per
// subscribed endpoint, written in the transaction of the change the event announces (the outbox
// pattern: the change and its announcement commit together or not at all). lib/webhooks/delivery.ts
// sends them.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db-client";

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

/**
 * Queues `type` for every enabled endpoint of the organisation that subscribed to it, inside the
 * caller's transaction. One event id for all of them. Returns the event id (null when nobody listens).
 */
export async function emitWebhookEvent(
  tx: Tx,
  event: { type: WebhookEventType; organizationId: string; claimId: string; data: WebhookEventData; now?: Date },
): Promise<string | null> {
  const now = event.now ?? new Date();
  const id = newEventId();
  const body = eventBody({ id, type: event.type, now, organizationId: event.organizationId, data: { claimId: event.claimId, ...event.data } });
  // One statement on the change's path: a row for each endpoint that listens, none when nobody does.
  const written = await tx.$executeRaw`
    INSERT INTO "WebhookDelivery" (id, "endpointId", "eventId", "eventType", "claimId", body, "availableAt", "createdAt")
    SELECT gen_random_uuid()::text, e.id, ${id}, ${event.type}, ${event.claimId}, ${body}, ${now.toISOString()}::timestamp, ${now.toISOString()}::timestamp
    FROM "WebhookEndpoint" e
    WHERE e."organizationId" = ${event.organizationId} AND e.enabled AND ${event.type} = ANY(e.events)`;
  return written > 0 ? id : null;
}

/** A `webhook.test` event for one endpoint (the caller checked it is the organisation's). */
export async function emitTestEvent(tx: Tx, { endpointId, organizationId, now = new Date() }: { endpointId: string; organizationId: string; now?: Date }) {
  const id = newEventId();
  const body = eventBody({ id, type: TEST_EVENT, now, organizationId, data: { message: "A test event from the CPOR claims portal." } });
  await tx.webhookDelivery.create({ data: { endpointId, eventId: id, eventType: TEST_EVENT, body, availableAt: now, createdAt: now } });
  return id;
}
