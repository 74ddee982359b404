// Tells a session that could not be looked up (the database unreachable) from no session at all.
// Auth.js logs a failed lookup and answers "no session", which would send a signed-in admin to the
// sign-in page, and that page would then forget their still valid session cookie.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { ServiceUnavailable, unavailableService } from "../availability";

const lookups = new AsyncLocalStorage<{ failure?: unknown }>();

/** Called by the session adapter when reading or extending a session fails (inside `lookUpSession`). */
export function recordSessionLookupFailure(error: unknown) {
  const lookup = lookups.getStore();
  if (lookup) lookup.failure ??= error;
}

/**
 * Runs Auth.js's session lookup; if the adapter failed, throws instead of answering "signed out":
 * ServiceUnavailable when the database could not be reached, else the adapter's own error.
 */
export async function lookUpSession<T>(auth: () => Promise<T>): Promise<T> {
  const lookup: { failure?: unknown } = {};
  const session = await lookups.run(lookup, auth);
  if (lookup.failure === undefined) return session;
  const service = unavailableService(lookup.failure);
  throw service ? new ServiceUnavailable(service, { cause: lookup.failure }) : lookup.failure;
}
