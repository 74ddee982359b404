// The customer's approve/decline page: plain server-rendered HTML with inline styles, no script,
// so it is small, fast and works with JavaScript disabled. The choice is a form POST. The one
// <style> element carries the request's CSP nonce (lib/security/headers.ts, documentPolicy).
import { html, Html } from "./html";
import type { CustomerView } from "./respond";

type T = (key: string, values?: Record<string, string | number | Date>) => string;

const styles = `
  :root { color-scheme: light; }
  body { margin: 0; font: 15px/1.5 "Segoe UI", system-ui, -apple-system, "Noto Sans JP", sans-serif; color: #242424; background: #f5f5f5; }
  header { background: #0f6cbd; color: #fff; padding: 12px 24px; font-weight: 600; }
  main { max-width: 720px; margin: 24px auto; background: #fff; border-radius: 8px; padding: 24px 28px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h1 { font-size: 24px; margin: 0 0 8px; }
  h2 { font-size: 16px; margin: 24px 0 8px; }
  dl { display: grid; grid-template-columns: minmax(140px, 220px) 1fr; gap: 6px 16px; margin: 0; }
  dt { color: #616161; }
  dd { margin: 0; overflow-wrap: anywhere; }
  ul { margin: 0; padding-left: 20px; }
  code { font-family: Consolas, "Courier New", monospace; font-size: 14px; }
  .note { padding: 12px 16px; border-radius: 6px; background: #ebf3fc; margin: 16px 0; }
  .ok { background: #f1faf1; border: 1px solid #9fd89f; }
  .warn { background: #fff9f5; border: 1px solid #fdcfb4; }
  .actions { display: flex; gap: 12px; flex-wrap: wrap; align-items: flex-start; margin-top: 20px; }
  .decline { display: flex; flex-direction: column; gap: 8px; flex: 1 1 280px; }
  button { font: inherit; font-weight: 600; padding: 8px 20px; border-radius: 4px; border: 1px solid #d1d1d1; background: #fff; cursor: pointer; }
  button.primary { background: #0f6cbd; border-color: #0f6cbd; color: #fff; }
  button:focus-visible, textarea:focus-visible { outline: 2px solid #000; outline-offset: 2px; }
  label { font-weight: 600; }
  textarea { font: inherit; padding: 8px; border: 1px solid #d1d1d1; border-radius: 4px; min-height: 64px; }
  input[type="email"] { font: inherit; padding: 8px; border: 1px solid #d1d1d1; border-radius: 4px; width: 100%; max-width: 420px; box-sizing: border-box; }
  input[aria-invalid="true"] { border-color: #c50f1f; }
  form.access { display: flex; flex-direction: column; gap: 8px; margin-top: 16px; align-items: flex-start; }
  textarea[aria-invalid="true"] { border-color: #c50f1f; }
  .error { color: #c50f1f; margin: 0; }
  .chosen { box-shadow: 0 0 0 3px #b4d6fa; }
  footer { max-width: 720px; margin: 0 auto 32px; color: #616161; font-size: 13px; padding: 0 4px; }
  main.wide { max-width: 880px; }
  .toolbar { display: flex; justify-content: space-between; align-items: flex-start; gap: 12px; flex-wrap: wrap; }
  section { margin-top: 28px; }
  section > h2 { font-size: 20px; margin: 0 0 4px; }
  .request { border: 1px solid #e0e0e0; border-radius: 6px; padding: 16px 20px; margin: 12px 0; }
  .request h3 { font-size: 17px; margin: 0 0 4px; }
  .meta { color: #616161; margin: 4px 0 12px; }
  a { color: #0f6cbd; }
`;

export function pageDocument(locale: string, title: string, body: Html, nonce?: string) {
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style${nonce ? html` nonce="${nonce}"` : ""}>${new Html(styles)}</style>
</head>
<body>
<header>Microsoft Partner Center · CPOR</header>
${body}
</body>
</html>`.value;
}

/**
 * The request page. `reasonError`: the decline's reason could not be recorded; the page shows why
 * beside the field, with `reason` (what was typed, cleaned) back in it.
 */
export function requestPage(t: T, view: CustomerView, options: { token: string; choice?: string; done?: string; reasonError?: string; reason?: string; nonce?: string }) {
  const { claim } = view;
  const partner = claim.partnerName;
  const status = claim.customerResponse === "APPROVED" && claim.customerRespondedAt
    ? html`<p class="note ok" role="status">${t("approved", { date: claim.customerRespondedAt })}</p>`
    : claim.customerResponse === "DECLINED" && claim.customerRespondedAt
      ? html`<p class="note warn" role="status">${t("declined", { date: claim.customerRespondedAt })}</p>`
      : "";
  const thanks = options.done === "approved" ? html`<p class="note ok" role="status">${t("thanksApproved")}</p>` : options.done === "declined" ? html`<p class="note warn" role="status">${t("thanksDeclined")}</p>` : "";
  const action = `/c/${encodeURIComponent(options.token)}`;
  const { approve: canApprove, decline: canDecline } = view.can;
  const body = html`<main>
<h1>${t("title")}</h1>
${thanks}${status}
<p>${t("lead", { partner, area: claim.areaName })}</p>
<h2>${t("whatTitle")}</h2>
<dl>
  <dt>${t("partner")}</dt><dd>${partner}</dd>
  <dt>${t("partnerId")}</dt><dd>${claim.partnerId}</dd>
  <dt>${t("role")}</dt><dd>${t(`roles.${claim.partnerRole}`)}</dd>
  <dt>${t("tenant")}</dt><dd><code>${claim.tenantId}</code></dd>
  <dt>${t("items")}</dt><dd><ul>${claim.items.map((item) => html`<li>${item.name}${item.subscriptions.length ? html` (${item.subscriptions.map((id) => t("subscription", { id })).join(", ")})` : ""}</li>`)}</ul></dd>
</dl>
<p class="note">${t("approveMeans", { partner })}</p>
<p class="note">${t("declineMeans")} ${t("noResponse")}</p>
${claim.publicSector ? html`<h2>${t("publicSectorTitle")}</h2><p class="note warn">${t("publicSector", { partner })}</p>` : ""}
${canApprove || canDecline
    ? html`<div class="actions">
${canApprove ? html`<form method="post" action="${action}"><input type="hidden" name="choice" value="approve"><button type="submit" class="primary${options.choice === "approve" ? " chosen" : ""}">${t("approve")}</button></form>` : ""}
${canDecline ? html`<form method="post" action="${action}" class="decline"><input type="hidden" name="choice" value="decline"><label for="reason">${t("declineReason")}</label><textarea id="reason" name="reason" maxlength="1000"${options.reasonError ? html` aria-invalid="true" aria-describedby="reason-error"` : ""}${options.choice === "decline" ? html` autofocus` : ""}>${options.reason ?? ""}</textarea>${options.reasonError ? html`<p id="reason-error" class="error" role="alert">${options.reasonError}</p>` : ""}<div><button type="submit" class="${options.choice === "decline" ? "chosen" : ""}">${t("decline")}</button></div></form>` : ""}
</div>`
    : claim.customerResponse === "DECLINED" ? "" : html`<p class="note" role="status">${t("decided")}</p>`}
<p>${t("contact", { name: claim.partnerContactName, email: claim.partnerContactEmail })}</p>
</main>
<footer>${t("footer", { partner })}</footer>`;
  return pageDocument(view.locale, t("title"), body, options.nonce);
}

export function problemPage(t: T, locale: string, message: string, nonce?: string, title = t("invalidTitle"), { newLinks = false }: { newLinks?: boolean } = {}) {
  const more = newLinks ? html`<p><a href="/c?lang=${locale}">${t("getNewLinks")}</a></p>` : "";
  return pageDocument(locale, title, html`<main><h1>${title}</h1><p class="note warn" role="alert">${message}</p>${more}</main>`, nonce);
}

/** /c: the customer contact's email address, to get a link to every request naming it (no script). */
export function accessPage(t: T, locale: string, { email = "", error, nonce }: { email?: string; error?: string; nonce?: string } = {}) {
  const body = html`<main>
<h1>${t("accessTitle")}</h1>
<p>${t("accessLead")}</p>
<form class="access" method="post" action="/c">
<input type="hidden" name="lang" value="${locale}">
<label for="email">${t("accessEmail")}</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${email}"${error ? html` aria-invalid="true" aria-describedby="email-error"` : ""}>
${error ? html`<p id="email-error" class="error" role="alert">${error}</p>` : ""}
<button class="primary" type="submit">${t("accessSubmit")}</button>
</form>
</main>`;
  return pageDocument(locale, t("accessTitle"), body, nonce);
}

/** The same answer for every address: the link is on its way if requests name it. */
export function accessSentPage(t: T, locale: string, { email, minutes, nonce }: { email: string; minutes: number; nonce?: string }) {
  const body = html`<main><h1>${t("accessSentTitle")}</h1><p class="note ok" role="status">${t("accessSent", { email, minutes })}</p></main>`;
  return pageDocument(locale, t("accessSentTitle"), body, nonce);
}
