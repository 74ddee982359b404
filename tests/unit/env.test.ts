import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const valid = {
  DATABASE_URL: "postgresql://app@db.example:5432/cpor",
  AZURE_STORAGE_CONNECTION_STRING: "DefaultEndpointsProtocol=https;AccountName=cpor;AccountKey=abc==;EndpointSuffix=core.windows.net",
  AZURE_STORAGE_CONTAINER: "poe",
  SMTP_URL: "smtps://user:pass@smtp.example:465",
  MAIL_FROM: "CPOR claims <no-reply@cpor.example>",
  APP_URL: "https://cpor.example/",
  AUTH_SECRET: "x".repeat(44),
};

function problems(source: Record<string, string | undefined>) {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("environment validation", () => {
  it("accepts a complete production configuration and normalises APP_URL", () => {
    const env = parseEnv(valid);
    expect(env.APP_URL).toBe("https://cpor.example");
    expect(env.DATABASE_POOL_MAX).toBe(10);
  });

  it("names every missing variable", () => {
    expect(problems({})).toEqual(
      expect.arrayContaining([
        "DATABASE_URL is required",
        "AZURE_STORAGE_CONNECTION_STRING is required",
        "SMTP_URL is required",
        "MAIL_FROM is required",
        "APP_URL is required",
        "AUTH_SECRET is required",
      ]),
    );
  });

  it("names each malformed variable with what is expected", () => {
    const found = problems({ ...valid, DATABASE_URL: "mysql://x", SMTP_URL: "http://mail", AZURE_STORAGE_CONTAINER: "PoE_Files", AUTH_SECRET: "short" });
    expect(found).toHaveLength(4);
    expect(found.find((p) => p.startsWith("DATABASE_URL"))).toMatch(/postgresql:\/\//);
    expect(found.find((p) => p.startsWith("SMTP_URL"))).toMatch(/smtp:\/\//);
    expect(found.find((p) => p.startsWith("AZURE_STORAGE_CONTAINER"))).toMatch(/container name/);
    expect(found.find((p) => p.startsWith("AUTH_SECRET"))).toMatch(/at least 32/);
  });

  it("requires all three Microsoft Entra ID settings once one is given", () => {
    expect(problems({ ...valid, AUTH_MICROSOFT_ENTRA_ID_ID: "client" })).toEqual([
      "AUTH_MICROSOFT_ENTRA_ID_SECRET is required when Microsoft Entra ID sign-in is configured",
      "AUTH_MICROSOFT_ENTRA_ID_ISSUER is required when Microsoft Entra ID sign-in is configured",
    ]);
  });

  it("turns the email link off in production unless set, and refuses a portal nobody could sign in to", () => {
    const entra = {
      AUTH_MICROSOFT_ENTRA_ID_ID: "client",
      AUTH_MICROSOFT_ENTRA_ID_SECRET: "secret",
      AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/organizations/v2.0",
    };
    expect(parseEnv(valid).AUTH_EMAIL_LINK).toBe("on");
    expect(parseEnv({ ...valid, NODE_ENV: "production", ...entra }).AUTH_EMAIL_LINK).toBe("off");
    expect(parseEnv({ ...valid, NODE_ENV: "production", AUTH_EMAIL_LINK: "on" }).AUTH_EMAIL_LINK).toBe("on");
    expect(parseEnv({ ...valid, AUTH_EMAIL_LINK: " OFF ", ...entra }).AUTH_EMAIL_LINK).toBe("off");
    expect(problems({ ...valid, NODE_ENV: "production" })).toEqual([expect.stringMatching(/^AUTH_EMAIL_LINK is off .* nobody could sign in/)]);
    expect(problems({ ...valid, AUTH_EMAIL_LINK: "off" })).toEqual([expect.stringMatching(/^AUTH_EMAIL_LINK is off/)]);
    expect(problems({ ...valid, AUTH_EMAIL_LINK: "maybe" })).toEqual(['AUTH_EMAIL_LINK must be "on" or "off"']);
  });

  it("takes Entra ID's v2.0 issuer over https only, and Microsoft's tenant as a GUID", () => {
    const entra = { AUTH_MICROSOFT_ENTRA_ID_ID: "client", AUTH_MICROSOFT_ENTRA_ID_SECRET: "secret" };
    expect(parseEnv({ ...valid, ...entra, AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0" })).toBeTruthy();
    for (const issuer of ["http://login.microsoftonline.com/organizations/v2.0", "https://login.microsoftonline.com/organizations", "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/"]) {
      expect(problems({ ...valid, ...entra, AUTH_MICROSOFT_ENTRA_ID_ISSUER: issuer })).toEqual([expect.stringMatching(/^AUTH_MICROSOFT_ENTRA_ID_ISSUER must be Entra ID's v2.0 issuer/)]);
    }
    expect(parseEnv({ ...valid, AUTH_REVIEWER_TENANT_ID: " 72F988BF-86F1-41AF-91AB-2D7CD011DB47 " }).AUTH_REVIEWER_TENANT_ID).toBe("72f988bf-86f1-41af-91ab-2d7cd011db47");
    expect(problems({ ...valid, AUTH_REVIEWER_TENANT_ID: "microsoft.com" })).toEqual([expect.stringMatching(/^AUTH_REVIEWER_TENANT_ID must be a tenant ID/)]);
  });

  it("trusts forwarded headers and shows health detail to anyone only when told to", () => {
    expect(parseEnv(valid)).toMatchObject({ TRUSTED_PROXY: "off", HEALTH_DETAIL: "off" });
    expect(parseEnv({ ...valid, TRUSTED_PROXY: " ON ", HEALTH_DETAIL: "on" })).toMatchObject({ TRUSTED_PROXY: "on", HEALTH_DETAIL: "on" });
    expect(parseEnv({ ...valid, TRUSTED_PROXY: "" }).TRUSTED_PROXY).toBe("off");
    expect(problems({ ...valid, TRUSTED_PROXY: "yes" })).toEqual(['TRUSTED_PROXY must be "on" or "off"']);
  });
});
