// Stand-ins for what Next.js gives a server action outside a request, all driven by the test: the
// request's headers and cookies (next/headers), the signed-in user (Auth.js's `auth()`), the pages an
// action refreshes (next/cache), the work left for after the answer (next/server's `after`), and
// next-intl's server side answering in English. Use from a test file, for what it needs:
//   vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
//   vi.mock("@/lib/auth/index", async () => (await import("../support/next-request")).signedIn);
//   vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);
//   vi.mock("next-intl/server", async () => (await import("../support/next-request")).englishIntl());
//   vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), after: (await import("../support/next-request")).after }));
// and import `incoming`, `session`, `nextCache` and `afterAnswer` from here to set the request, sign
// in, read the refreshed pages and run the deferred work.
import { vi } from "vitest";

/** The request the next action sees: its headers and its cookies. */
export const incoming = { headers: {} as Record<string, string>, cookies: new Map<string, string>() };

export const nextHeaders = {
  headers: async () => new Headers(incoming.headers),
  cookies: async () => ({
    get: (name: string) => (incoming.cookies.has(name) ? { name, value: incoming.cookies.get(name) } : undefined),
    getAll: () => [...incoming.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => incoming.cookies.has(name),
    set: (name: string, value: string) => void incoming.cookies.set(name, value),
    delete: (name: string) => void incoming.cookies.delete(name),
  }),
};

/** What actions left for after their answer, run when the test says so. */
export const afterAnswer = {
  tasks: [] as (() => unknown)[],
  async run() {
    for (const task of this.tasks.splice(0)) await task();
  },
};

export const after = (task: () => unknown) => void afterAnswer.tasks.push(task);

/** Who the next action sees as signed in (a user id), or nobody. */
export const session = { userId: undefined as string | undefined };

/** lib/auth/index's `auth()`: the session of `session.userId`. */
export const signedIn = { auth: async () => (session.userId ? { user: { id: session.userId } } : null) };

/** next/cache: `revalidatePath` records the pages an action asked to refresh. */
export const nextCache = { revalidatePath: vi.fn() };

/** next-intl/server for pages and routes: the English locale and messages (a missing key answers itself). */
export async function englishIntl() {
  const messages = (await import("@/messages/en.json")).default as unknown as Record<string, Record<string, string>>;
  return {
    getLocale: async () => "en",
    getTranslations: async (arg: string | { namespace: string }) => {
      const namespace = typeof arg === "string" ? arg : arg.namespace;
      return (key: string) => messages[namespace]?.[key] ?? key;
    },
  };
}
