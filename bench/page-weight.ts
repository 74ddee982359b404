// Page weight: the JavaScript bytes Chromium downloads (compressed, as transferred) for each page of
// a production build, on a cold cache, as a signed-in incentive admin.
import { randomUUID } from "node:crypto";
import { chromium } from "@playwright/test";
import { createPrismaClient } from "../lib/db-client";
import { DEMO } from "../lib/reference/demo-data";
import { sessionFor as signedIn } from "./fixtures";

export type PageWeight = { page: string; path: string; scripts: number; jsBytes: number; totalBytes: number };

/** A signed-in session for the demo admin, with a complete wizard in progress so every step opens. */
async function sessionFor(email: string) {
  const db = createPrismaClient();
  try {
    const { sessionToken, user } = await signedIn(db, email);
    const data = {
      creationKey: randomUUID(),
      solutionArea: "BUSINESS_APPLICATIONS",
      partnerRole: "BUILD_INTENT_ADVISOR",
      name: "Page weight",
      partnerId: "4412345",
      tenantId: DEMO.tenants.northwind,
      incentiveOptOut: false,
      workloadIds: ["ba-dynamics-365-sales"],
      subscriptionIds: [DEMO.subscriptions.northwindSales],
      customerContactName: "Nancy Davolio",
      customerContactAddress: "1 Main Street, Seattle",
      customerContactEmail: "nancy@northwind.example",
      customerLocale: "en",
      partnerContactName: "Pat Partner",
      partnerContactEmail: email,
    };
    await db.wizardProgress.upsert({ where: { userId_key: { userId: user.id, key: "new" } }, create: { userId: user.id, key: "new", step: 4, data }, update: { step: 4, data } });
    return sessionToken;
  } finally {
    await db.$disconnect();
  }
}

export async function measurePageWeights(baseUrl: string, pages: { page: string; path: string }[], { signedIn = true } = {}): Promise<PageWeight[]> {
  const sessionToken = signedIn ? await sessionFor(DEMO.users.contosoAdmin) : null;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const results: PageWeight[] = [];
    for (const { page: name, path } of pages) {
      // A new context per page: nothing cached, as for a first visit.
      const context = await browser.newContext();
      if (sessionToken) await context.addCookies([{ name: "authjs.session-token", value: sessionToken, url: baseUrl, httpOnly: true }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const types = new Map<string, string>();
      let jsBytes = 0;
      let totalBytes = 0;
      let scripts = 0;
      cdp.on("Network.responseReceived", (event) => types.set(event.requestId, event.type));
      cdp.on("Network.loadingFinished", (event) => {
        totalBytes += event.encodedDataLength;
        if (types.get(event.requestId) === "Script") {
          scripts += 1;
          jsBytes += event.encodedDataLength;
        }
      });
      const response = await page.goto(new URL(path, baseUrl).toString(), { waitUntil: "networkidle" });
      if (!response?.ok() || new URL(page.url()).pathname !== new URL(path, baseUrl).pathname) {
        throw new Error(`${name}: ${path} answered ${response?.status()} at ${page.url()}`);
      }
      results.push({ page: name, path, scripts, jsBytes, totalBytes });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}
