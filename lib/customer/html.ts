// A tiny HTML template tag for the customer pages: every interpolated value is escaped unless it
// is already markup produced by this tag. No client script is ever emitted.
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/** The one HTML escaper of the text the portal writes itself (the customer pages, the sign-in email). */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Part = Html | string | number | null | undefined | false | Part[];

const render = (part: Part): string => {
  if (part === null || part === undefined || part === false) return "";
  if (Array.isArray(part)) return part.map(render).join("");
  if (part instanceof Html) return part.value;
  return escapeHtml(String(part));
};

export function html(strings: TemplateStringsArray, ...values: Part[]) {
  return new Html(strings.reduce((out, text, i) => out + text + (i < values.length ? render(values[i]) : ""), ""));
}
