// The newcomer's path, as the README gives it: `npm run dev` with no configuration (embedded services on
// their default ports, data under .data/), then the README's URL in Chromium. The sign-in page must load
// once and stay put (no reload loop), and a demo admin must sign in through the mail catcher's inbox and
// see the claims list, at http://localhost:3000 and at http://127.0.0.1:3000.
// Run: npx tsx tests/smoke/dev-server.ts   (CI runs it on a clean clone, after the tests)
import { spawn } from "node:child_process";
import { chromium, type Page } from "@playwright/test";

const portal = "http://localhost:3000";
const inbox = "http://127.0.0.1:1080";
const quietSeconds = 10;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

type Mail = { subject: string; text?: string; to: { address: string }[]; time: string };

function startDev() {
  const started = Date.now();
  const { NODE_ENV: _mode, ...env } = process.env;
  const child = spawn("npm", ["run", "dev"], { stdio: ["ignore", "pipe", "inherit"], detached: true, env: env as NodeJS.ProcessEnv });
  const ready = new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
      if (/Ready in/.test(output)) resolve(Date.now() - started);
    });
    child.on("exit", (code) => reject(new Error(`npm run dev exited with ${code} before it was ready`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGINT");
    const force = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
    await exited;
    clearTimeout(force);
  };
  return { ready, stop };
}

async function signInLink(email: string, since: number) {
  for (let i = 0; i < 120; i += 1) {
    const mails: Mail[] = await (await fetch(`${inbox}/api/email`)).json();
    const mail = mails.filter((m) => m.to.some((t) => t.address === email) && new Date(m.time).getTime() >= since - 2_000).at(-1);
    const link = mail?.text?.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S*/)?.[0];
    if (link) return link;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no sign-in email for ${email} within 60 s`);
}

/** Opens `url`, counts the page loads during the quiet period, then signs in as a demo admin. */
async function tryAsNewcomer(page: Page, url: string) {
  let loads = 0;
  page.on("load", () => (loads += 1));
  const opened = Date.now();
  await page.goto(url, { timeout: 600_000 });
  const firstLoadMs = Date.now() - opened;
  await page.waitForTimeout(quietSeconds * 1000);
  if (loads !== 1) throw new Error(`${url}: the sign-in page loaded ${loads} times in ${quietSeconds} s with nobody touching it (a reload loop)`);

  const email = "admin@contoso.example";
  const since = Date.now();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor({ timeout: 60_000 });
  const link = await signInLink(email, since);
  if (new URL(link).origin !== portal) throw new Error(`the sign-in link points at ${new URL(link).origin}, not ${portal}`);
  await page.goto(link, { timeout: 300_000 });
  await page.getByRole("heading", { level: 1, name: "Customer claims" }).waitFor({ timeout: 300_000 });
  console.log(`smoke: ${url} loaded once in ${quietSeconds} s (first load ${firstLoadMs} ms), signed in, saw "Customer claims" at ${page.url()}`);
}

const dev = startDev();
let failed = false;
try {
  console.log(`smoke: npm run dev ready in ${await dev.ready} ms`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
  try {
    for (const url of [`${portal}/`, "http://127.0.0.1:3000/"]) {
      const context = await browser.newContext();
      await tryAsNewcomer(await context.newPage(), url);
      await context.close();
    }
  } finally {
    await browser.close();
  }
} catch (error) {
  failed = true;
  console.error("smoke: FAILED:", error instanceof Error ? error.message : error);
} finally {
  await dev.stop();
}
process.exit(failed ? 1 : 0);
