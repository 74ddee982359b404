"use server";
// Server actions of the API tokens page (/settings/tokens): each passes the incentive admin's gate
// (lib/actions.ts) and calls lib/api/tokens.ts, which scopes everything to the admin's organisation.
import { z } from "zod";
import { done, partnerAction, refused } from "../actions";
import { idSchema } from "../text";
import { createApiToken, revokeApiToken } from "./tokens";

/** "Create token": the secret comes back once, in this answer only. */
export const createApiTokenAction = partnerAction(
  { args: z.tuple([z.unknown()]), invalid: refused("invalidRequest"), revalidate: () => ["/settings/tokens"] },
  (viewer, values) => createApiToken(viewer, values),
);

/** "Revoke" on one of the organisation's active tokens. */
export const revokeApiTokenAction = partnerAction(
  { args: z.tuple([idSchema]), invalid: refused("notFound"), revalidate: () => ["/settings/tokens"] },
  async (viewer, tokenId) => ((await revokeApiToken(viewer, tokenId)) ? done() : refused("notFound")),
);
