// The proof of execution's vocabulary and limits, without zod: the kinds of document and activity, the
// acknowledgements of submission, the file sizes, the kinds a browser shows itself, the oldest
// acknowledgement date. The forms show them; lib/poe/fields.ts builds the rules from them.
export const poeDocumentTypes = ["MICROSOFT_TEMPLATE", "SIGNED_STATEMENT_OF_WORK", "CUSTOMER_EMAIL", "OTHER"] as const;
export const poeActivityTypes = ["DEPLOYMENT", "ADOPTION", "ADVISORY", "MIGRATION", "TRAINING", "OTHER"] as const;
export type PoeActivityType = (typeof poeActivityTypes)[number];

/** The acknowledgements a reviewer expects the partner to have confirmed; all are required. */
export const acknowledgementKeys = ["accurate", "customerConsent", "roleAffectsEligibility", "poeAuthentic", "onePartner"] as const;

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_CLAIM_BYTES = 100 * 1024 * 1024;
/** The largest request body any route accepts: the API's multipart PoE upload (a claim's files and the form around them). */
export const MAX_REQUEST_BYTES = MAX_CLAIM_BYTES + 1024 * 1024;

/** The kinds a browser shows itself: the download route serves them inline on `?inline=1`, the file lists offer "Open". */
export const inlinePoeKinds: ReadonlySet<string> = new Set(["pdf", "png", "jpeg"]);

/** The same calendar day twelve months earlier (the oldest acknowledgement date accepted). */
export const oldestAcknowledgement = (now: Date) => {
  const date = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
  return date.toISOString().slice(0, 10);
};

