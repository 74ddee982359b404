// AUTH_EMAIL_LINK=off (production's default): the sign-in form's email action refuses before counting or
// queueing anything, and Auth.js has no email provider, so links sent before stop working too.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));

vi.mock("@/lib/env", async (original) => {
  const real = await original<typeof import("@/lib/env")>();
  return { ...real, env: () => ({ ...real.env(), AUTH_EMAIL_LINK: "off" as const }) };
});

import { NextRequest } from "next/server";
import { requestSignInLink } from "@/lib/auth/actions";
import { handlers } from "@/lib/auth/index";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { messageKinds } from "@/lib/notify/messages";
import { DEMO } from "@/lib/reference/demo-data";

afterAll(() => db.$disconnect());

describe("with the email link off", () => {
  it("the email action refuses: no count, no email", async () => {
    await db.rateLimit.deleteMany({});
    const form = new FormData();
    form.set("email", DEMO.users.contosoAdmin);
    expect(await requestSignInLink(undefined, form)).toEqual({ ok: false, fieldErrors: {}, problem: "emailLinkOff" });
    expect(await db.rateLimit.count()).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: messageKinds.signInLink, payload: { path: ["to"], equals: DEMO.users.contosoAdmin } } })).toBe(0);
  });

  it("Auth.js offers only Microsoft Entra ID, and a link's callback is not answered", async () => {
    const origin = new URL(env().APP_URL).origin;
    const sessions = () => db.session.count({ where: { user: { email: DEMO.users.contosoAdmin } } });
    const before = await sessions();
    const providers = await (await handlers.GET(new NextRequest(`${origin}/api/auth/providers`))).json();
    expect(Object.keys(providers)).toEqual(["microsoft-entra-id"]);
    const callback = await handlers.GET(new NextRequest(`${origin}/api/auth/callback/nodemailer?token=x&email=${encodeURIComponent(DEMO.users.contosoAdmin)}`));
    expect(callback.headers.get("location")).toMatch(/\/signin\?error=/);
    expect(await sessions()).toBe(before);
  });
});
