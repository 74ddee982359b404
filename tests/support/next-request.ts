// Stand-ins for what Next.js gives a server action outside a request: the request's headers and
// cookies (next/headers) and the work left for after the answer (next/server's `after`), all driven by
// the test. Use from a test file:
//   vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
//   vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), after: (await import("../support/next-request")).after }));
// and import `incoming` and `afterAnswer` from here to set the request and run the deferred work.

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
