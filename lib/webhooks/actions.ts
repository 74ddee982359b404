"use server";
// Server actions of the webhook settings (/settings/webhooks). Each passes the incentive admin gate first
// (anyone else gets 404, as for the page), parses its arguments, and calls lib/webhooks/endpoints.ts,
// which scopes every change to the admin's organisation.
import { after } from "next/server";
import { z } from "zod";
import { partnerAction, refused } from "../actions";
import { idSchema } from "../text";
import { requestWebhookDelivery } from "../jobs/queue";
import { createEndpoint, deleteEndpoint, rotateSecret, sendTestEvent, setEndpointEnabled, updateEndpoint } from "./endpoints";

const page = () => ["/settings/webhooks"];
const notFound = refused("notFound");

/** "Add endpoint": URL, description and events; answers the signing secret once. */
export const createEndpointAction = partnerAction({ args: z.tuple([z.unknown()]), invalid: refused("invalidRequest"), revalidate: page }, (viewer, values) => createEndpoint(viewer, values));

/** "Edit" then "Save": URL, description and events (the secret stays). */
export const updateEndpointAction = partnerAction({ args: z.tuple([idSchema, z.unknown()]), invalid: notFound, revalidate: page }, (viewer, id, values) => updateEndpoint(viewer, id, values));

/** "Enable" / "Disable". */
export const setEndpointEnabledAction = partnerAction({ args: z.tuple([idSchema, z.boolean()]), invalid: notFound, revalidate: page }, (viewer, id, enabled) => setEndpointEnabled(viewer, id, enabled));

/** "Delete" (after the dialog's confirmation). */
export const deleteEndpointAction = partnerAction({ args: z.tuple([idSchema]), invalid: notFound, revalidate: page }, (viewer, id) => deleteEndpoint(viewer, id));

/** "Rotate secret": answers the new secret once. */
export const rotateSecretAction = partnerAction({ args: z.tuple([idSchema]), invalid: notFound, revalidate: page }, (viewer, id) => rotateSecret(viewer, id));

/** "Send test event": a webhook.test event through the delivery job, asked to run at once. */
export const sendTestEventAction = partnerAction({ args: z.tuple([idSchema]), invalid: notFound, revalidate: page }, async (viewer, id) => {
  const result = await sendTestEvent(viewer, id);
  if (result.ok) after(requestWebhookDelivery);
  return result;
});
