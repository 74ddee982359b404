// The webhook settings' input as the server actions parse it. Messages are keys of "Webhooks.errors.*".
import { z } from "zod";
import { webhookEventTypes, type WebhookEventType } from "./events";

const isEventType = (value: string): value is WebhookEventType => (webhookEventTypes as readonly string[]).includes(value);

export const endpointSchema = z.object({
  url: z.string().trim().min(1, "urlRequired").max(2000, "urlTooLong"),
  description: z.string().trim().max(200, "descriptionTooLong").default(""),
  // One message for the whole list (an unknown type comes only from a hand-made request).
  events: z
    .array(z.string(), { message: "eventsRequired" })
    .min(1, "eventsRequired")
    .refine((list) => list.every(isEventType), "eventsRequired")
    .transform((list) => [...new Set(list.filter(isEventType))]),
});
export type EndpointInput = z.input<typeof endpointSchema>;
