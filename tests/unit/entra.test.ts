import { describe, expect, it } from "vitest";
import { entraAccountId, entraIssuerFor, parseEntraClaims } from "@/lib/auth/entra";

const tid = "3c8a3d2e-5b1f-4c7a-9e6d-0f2b4a6c8e10";
const oid = "9f3c1e7a-5b2d-4c8e-a1f6-3d7b9e2c4a51";

describe("Entra ID tokens", () => {
  it("carry the issuer of the person's tenant, whichever issuer the portal is configured with", () => {
    for (const configured of ["https://login.microsoftonline.com/organizations/v2.0", "https://login.microsoftonline.com/common/v2.0", `https://login.microsoftonline.com/${tid}/v2.0`, "https://login.microsoftonline.com/organizations/v2.0/"]) {
      expect(entraIssuerFor(configured, tid)).toBe(`https://login.microsoftonline.com/${tid}/v2.0`);
    }
  });

  it("identify a person by tenant and object ID", () => {
    expect(entraAccountId({ tid, oid })).toBe(`${tid}/${oid}`);
  });

  it("are read only with v2.0 claims, GUID tenant and object IDs (case folded), and roles as a list", () => {
    const claims = { iss: `https://login.microsoftonline.com/${tid}/v2.0`, ver: "2.0", tid: tid.toUpperCase(), oid, sub: "pairwise" };
    expect(parseEntraClaims(claims)).toMatchObject({ tid, oid, roles: [] });
    expect(parseEntraClaims({ ...claims, roles: ["IncentiveAdmin"] })?.roles).toEqual(["IncentiveAdmin"]);
    expect(parseEntraClaims({ ...claims, ver: "1.0" })).toBeNull();
    expect(parseEntraClaims({ ...claims, oid: undefined })).toBeNull();
    expect(parseEntraClaims({ ...claims, tid: "contoso.onmicrosoft.com" })).toBeNull();
    expect(parseEntraClaims({ ...claims, roles: "IncentiveAdmin" })).toBeNull();
    // A display name with a control character is dropped, not stored.
    expect(parseEntraClaims({ ...claims, name: "Megan\u0000Bowen" })?.name).toBeUndefined();
  });
});
