// What the API's requests carry besides the bodies the wizard's schemas parse: the claims list's query
// (the list page's filters, a keyset cursor and a page size), the section names, the idempotency key
// of a creation, and the submission body. Messages are keys of "Validation.*".
import { z } from "zod";
import { claimStatuses } from "../claims/vocabulary";
import { solutionAreas } from "../claims/roles";
import { claimSections } from "../claims/schemas";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

type Cursor = { createdAt: Date; id: string };

/** The position after a claim, as an opaque string. */
export const encodeCursor = (claim: Cursor) => Buffer.from(JSON.stringify([claim.createdAt.toISOString(), claim.id])).toString("base64url");

export function decodeCursor(value: string): Cursor | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || !/^[\w-]{1,64}$/.test(id)) return null;
    const createdAt = new Date(at);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
  } catch {
    return null;
  }
}

export const listQuerySchema = z.object({
  status: z.enum(claimStatuses, { error: "valueNotAllowed" }).optional().meta({ description: "Only claims in this status." }),
  solutionArea: z.enum(solutionAreas, { error: "valueNotAllowed" }).optional().meta({ description: "Only claims of this solution area." }),
  q: z.string().max(100, "tooLong").optional().meta({ description: "A tenant ID (exact), or words of the claim's name." }),
  cursor: z
    .string()
    .max(200, "cursorInvalid")
    .refine((value) => decodeCursor(value) !== null, "cursorInvalid")
    .optional()
    .meta({ description: "The `nextCursor` of the previous page." }),
  limit: z.coerce
    .number({ error: "limitRange" })
    .int("limitRange")
    .min(1, "limitRange")
    .max(MAX_PAGE_SIZE, "limitRange")
    .default(DEFAULT_PAGE_SIZE)
    .meta({ description: `Claims per page, 1 to ${MAX_PAGE_SIZE}.` }),
});

export const sectionParam = z.enum(Object.keys(claimSections) as [keyof typeof claimSections, ...(keyof typeof claimSections)[]]);

export const idempotencyKey = z.uuid();
