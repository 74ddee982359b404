// The pages of the customer contact's requests (plain server-rendered HTML, no script, as the link page):
// the emailed link's page with its one button, the requests grouped by tenant with Approve and Decline
// forms, and the pages that say a link or a session can no longer be used.
import { html, type Html } from "./html";
import { pageDocument } from "./page";
import type { CustomerRequest, TenantRequests } from "./requests";

type T = (key: string, values?: Record<string, string | number | Date>) => string;

const langField = (locale: string) => html`<input type="hidden" name="lang" value="${locale}">`;
const askAgain = (t: T, locale: string) => html`<p><a href="/c?lang=${locale}">${t("askAgain")}</a></p>`;

/** The emailed link's page: GET shows it and changes nothing; its button (a POST) opens the session. */
export function openPage(t: T, locale: string, { token, email, minutes, nonce }: { token: string; email: string; minutes: number; nonce?: string }) {
  const body = html`<main>
<h1>${t("openTitle")}</h1>
<p>${t("openLead", { email })}</p>
<form class="access" method="post" action="/c/open/${encodeURIComponent(token)}">
${langField(locale)}
<button class="primary" type="submit">${t("openButton")}</button>
</form>
<p class="note">${t("openNote", { minutes })}</p>
</main>`;
  return pageDocument(locale, t("openTitle"), body, nonce);
}

/** A link or a session that cannot be used: why, and the way to a new link. */
export function closedPage(t: T, locale: string, { title, message, nonce }: { title: string; message: string; nonce?: string }) {
  return pageDocument(locale, title, html`<main><h1>${title}</h1><p class="note warn" role="alert">${message}</p>${askAgain(t, locale)}</main>`, nonce);
}

/** What the page says above the list: an answer recorded, or why one was not. */
export type RequestsNote = { tone: "ok" | "warn"; text: string };
/** A decline whose reason could not be recorded: the text typed, back in its field, and why. */
export type ReasonProblem = { claimId: string; reason: string; error: string };

function answerText(t: T, { customerResponse: response, customerRespondedAt: date }: CustomerRequest) {
  if (response === "APPROVED") return date ? t("answerApproved", { date }) : t("answerApprovedUndated");
  if (response === "DECLINED") return date ? t("answerDeclined", { date }) : t("answerDeclinedUndated");
  return t("answerNone");
}

function requestArticle(t: T, locale: string, request: CustomerRequest, problem?: ReasonProblem) {
  const id = `claim-${request.id}`;
  const error = problem?.claimId === request.id ? problem : undefined;
  const hidden = html`${langField(locale)}<input type="hidden" name="claim" value="${request.id}">`;
  const approve = request.can.approve
    ? html`<form method="post" action="/c/requests">${hidden}<input type="hidden" name="choice" value="approve"><button type="submit" class="primary" aria-describedby="${id}-title">${t("approve")}</button></form>`
    : "";
  const decline = request.can.decline
    ? html`<form method="post" action="/c/requests" class="decline">${hidden}<input type="hidden" name="choice" value="decline">
<label for="${id}-reason">${t("declineReason")}</label>
<textarea id="${id}-reason" name="reason" maxlength="1000"${error ? html` aria-invalid="true" aria-describedby="${id}-reason-error" autofocus` : ""}>${error?.reason ?? ""}</textarea>
${error ? html`<p id="${id}-reason-error" class="error" role="alert">${error.error}</p>` : ""}
<div><button type="submit" aria-describedby="${id}-title">${t("decline")}</button></div></form>`
    : "";
  return html`<article class="request" id="${id}" aria-labelledby="${id}-title">
<h3 id="${id}-title">${request.partnerName}</h3>
${request.submittedAt ? html`<p class="meta">${t("submittedOn", { date: request.submittedAt })}</p>` : ""}
<dl>
  <dt>${t("partnerId")}</dt><dd>${request.partnerId}</dd>
  <dt>${t("area")}</dt><dd>${request.areaName}</dd>
  <dt>${t("role")}</dt><dd>${t(`roles.${request.partnerRole}`)}</dd>
  <dt>${t("items")}</dt><dd><ul>${request.items.map((item) => html`<li>${item.name}${item.subscriptions.length ? html` (${item.subscriptions.map((sid) => t("subscription", { id: sid })).join(", ")})` : ""}</li>`)}</ul></dd>
  <dt>${t("status")}</dt><dd data-field="status">${t(`requestStatus.${request.status}`)}</dd>
  <dt>${t("yourAnswer")}</dt><dd data-field="answer">${answerText(t, request)}</dd>
</dl>
${approve || decline ? html`<div class="actions">${approve}${decline}</div>` : ""}
<p class="meta">${t("contact", { name: request.partnerContactName, email: request.partnerContactEmail })}</p>
</article>`;
}

function tenantSection(t: T, locale: string, group: TenantRequests, index: number, problem?: ReasonProblem): Html {
  const id = `tenant-${index + 1}`;
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${group.tenantName ?? t("tenantHeading", { id: group.tenantId })}</h2>
${group.tenantName ? html`<p class="meta">${t("tenant")}: <code>${group.tenantId}</code></p>` : ""}
${group.requests.map((request) => requestArticle(t, locale, request, problem))}
</section>`;
}

/** The requests naming the session's address, grouped by tenant, each with the answers it can still take. */
export function requestsPage(
  t: T,
  locale: string,
  { email, groups, minutesLeft, note, problem, nonce }: { email: string; groups: TenantRequests[]; minutesLeft: number; note?: RequestsNote; problem?: ReasonProblem; nonce?: string },
) {
  const body = html`<main class="wide">
<div class="toolbar">
<h1>${t("requestsTitle")}</h1>
<form method="post" action="/c/requests">${langField(locale)}<input type="hidden" name="choice" value="end"><button type="submit">${t("signOut")}</button></form>
</div>
${note ? html`<p class="note ${note.tone}" role="${note.tone === "ok" ? "status" : "alert"}">${note.text}</p>` : ""}
${groups.length > 0
    ? html`<p>${t("requestsLead", { email })}</p><p class="note">${t("requestsMeans")}</p>${groups.map((group, index) => tenantSection(t, locale, group, index, problem))}`
    : html`<p class="note">${t("requestsNone", { email })}</p>`}
<p class="meta">${t("sessionNote", { minutes: minutesLeft })}</p>
</main>`;
  return pageDocument(locale, t("requestsTitle"), body, nonce);
}
