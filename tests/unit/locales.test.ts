import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { resolveLocale } from "@/lib/i18n/locales";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const lookup = (catalog: unknown, key: string) =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);

describe("locale choice", () => {
  it("prefers the first supported candidate", () => {
    expect(resolveLocale(undefined, "ja-JP,ja;q=0.9,en;q=0.8")).toBe("ja");
    expect(resolveLocale("en", "ja")).toBe("en");
    expect(resolveLocale("fr", "de-DE,fr;q=0.5")).toBe("en");
  });
});

describe("message catalogs", () => {
  it("Japanese has every English message and nothing else", () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it("no Japanese message is left in English", () => {
    const same = keys(ja).filter((k) => !k.startsWith("Languages.") && lookup(ja, k) === lookup(en, k));
    expect(same).toEqual([]);
  });
});
