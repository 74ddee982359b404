// The webhook settings' input as the server actions parse it. Messages are keys of "Webhooks.errors.*".
import { z } from "zod";
import { webhookEventTypes } from "./events";

export const endpointSchema = z.object({
  url: z.string().trim().min(1, "urlRequired").max(2000, "urlTooLong"),
  description: z.string().trim().max(200, "descriptionTooLong").default(""),
  events: z.array(z.enum(webhookEventTypes, { message: "eventsRequired" })).min(1, "eventsRequired"),
});
export type EndpointInput = z.input<typeof endpointSchema>;
