// The claim's input schemas (tenant ID, details with the per-role rules, workloads, contacts, the whole
// claim, field errors) and the partner role definitions, with property-based tests for tenant IDs and emails.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import en from "@/messages/en.json";
import { partnerRoles, roleDefinitions, rolesOf, solutionAreas } from "@/lib/claims/roles";
import { claimSchema, contactsSchema, detailsSchema, fieldErrorsOf, tenantIdSchema, workloadsSchema } from "@/lib/claims/schemas";
import { invalidInput } from "@/lib/result";

const TENANT = "0f8fad5b-d9cb-469f-a165-70867728950e";

const baDetails = {
  solutionArea: "BUSINESS_APPLICATIONS",
  partnerRole: "BUILD_INTENT_ADVISOR",
  name: "Contoso rollout",
  partnerId: "1234567",
  tenantId: TENANT,
} as const;

const revenueDetails = {
  ...baDetails,
  partnerRole: "INFLUENCED_REVENUE",
  dynamicsSellerName: "Dana Seller",
  customerName: "Contoso Ltd",
  isvSolutionName: "Contoso CRM Add-on",
} as const;

const contacts = {
  customerContactName: "Chris Customer",
  customerContactAddress: "1 Main Street, Springfield",
  customerContactEmail: "chris@contoso.com",
  partnerContactName: "Pat Partner",
  partnerContactEmail: "pat@fabrikam.com",
};

/** Field errors of a failed parse, or null when the parse succeeded. */
function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? null : fieldErrorsOf(result.error);
}

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

// Characters String.prototype.trim() (and so z.string().trim()) removes.
const whitespace = fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u2003", "\u2028", "\u3000", "\ufeff"), maxLength: 6 });

const hexDigit = fc.constantFrom(..."0123456789abcdefABCDEF");
const hexRun = (length: number) => fc.string({ unit: hexDigit, minLength: length, maxLength: length });
const mixedCaseHexGuid = fc
  .tuple(hexRun(8), hexRun(4), hexRun(4), hexRun(4), hexRun(12))
  .map((parts) => parts.join("-"));
const randomCase = (value: string) =>
  fc.array(fc.boolean(), { minLength: value.length, maxLength: value.length }).map((upper) => [...value].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));
const anyGuid = fc.oneof(fc.uuid(), fc.uuid().chain(randomCase), mixedCaseHexGuid);

/** An independent notion of a GUID: five hyphen-separated hex groups of 8-4-4-4-12 digits. */
function isGuid(value: string) {
  const groups = value.split("-");
  return groups.length === 5 && groups.every((g, i) => g.length === [8, 4, 4, 4, 12][i] && [...g].every((c) => "0123456789abcdefABCDEF".includes(c)));
}

/** The message tenantIdSchema should give for a string that is not a GUID. */
const refusalFor = (value: string) => (value.trim() === "" ? "required" : "tenantId");

function tenantMessages(value: string) {
  const result = tenantIdSchema.safeParse(value);
  return result.success ? null : result.error.issues.map((issue) => issue.message);
}

const nonHexChar = fc.oneof(
  fc.constantFrom(..."ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ{}()[]_+.:;/\\,'\"é\u212aİ\u00a0x"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => !/^[0-9a-fA-F-]$/.test(c)),
);

describe("tenantIdSchema", () => {
  it("accepts any GUID in any letter case with whitespace around it, stored trimmed and lower-case", () => {
    fc.assert(
      fc.property(whitespace, anyGuid, whitespace, (before, guid, after) => {
        const result = tenantIdSchema.safeParse(before + guid + after);
        expect(result.success).toBe(true);
        expect(result.data).toBe(guid.toLowerCase());
        expect(result.data).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
      }),
    );
  });

  it("refuses any string that is not a GUID once trimmed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF- "), maxLength: 40 })), (value) => {
        fc.pre(!isGuid(value.trim()));
        const result = tenantIdSchema.safeParse(value);
        expect(result.success).toBe(false);
        expect(result.error!.issues[0].message).toBe(refusalFor(value));
        if (value.trim() !== "") expect(tenantMessages(value)).toEqual(["tenantId"]);
      }),
    );
  });

  it("refuses a GUID with one character removed", () => {
    fc.assert(
      fc.property(anyGuid, fc.nat(35), whitespace, (guid, at, pad) => {
        const value = pad + guid.slice(0, at) + guid.slice(at + 1) + pad;
        expect(tenantMessages(value)).toEqual(["tenantId"]);
      }),
    );
  });

  it("refuses a GUID with one hex digit or hyphen added", () => {
    fc.assert(
      fc.property(anyGuid, fc.nat(36), fc.oneof(hexDigit, fc.constant("-")), (guid, at, extra) => {
        expect(tenantMessages(guid.slice(0, at) + extra + guid.slice(at))).toEqual(["tenantId"]);
      }),
    );
  });

  it("refuses a GUID with a non-hex character inserted or put in place of a digit", () => {
    fc.assert(
      fc.property(anyGuid, fc.nat(36), nonHexChar, fc.boolean(), (guid, position, char, replace) => {
        const at = replace ? position % 36 : position;
        fc.pre(!replace || guid[at] !== "-");
        fc.pre(replace || char.trim() !== "" || (at > 0 && at < 36));
        const value = guid.slice(0, at) + char + guid.slice(replace ? at + 1 : at);
        expect(tenantMessages(value)).toEqual(["tenantId"]);
      }),
    );
  });

  it("refuses 32 hex digits grouped other than 8-4-4-4-12", () => {
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 4, maxLength: 4 }).map((c) => c.sort((a, b) => a - b));
    fc.assert(
      fc.property(hexRun(32), cuts, (digits, at) => {
        fc.pre(at.join() !== "8,12,16,20");
        const grouped = [0, ...at].map((start, i) => digits.slice(start, [...at, 32][i])).join("-");
        expect(tenantMessages(grouped)).toEqual(["tenantId"]);
      }),
    );
  });

  it("refuses GUIDs in braces, parentheses, URN form or without hyphens", () => {
    fc.assert(
      fc.property(anyGuid, fc.constantFrom<[string, string]>(["{", "}"], ["(", ")"], ["urn:uuid:", ""], ["{", ""], ["", "}"]), (guid, [open, close]) => {
        expect(tenantMessages(` ${open}${guid}${close} `)).toEqual(["tenantId"]);
        expect(tenantMessages(guid.replaceAll("-", ""))).toEqual(["tenantId"]);
      }),
    );
  });

  it("asks for a value when empty, blank or missing", () => {
    expect(tenantMessages("")?.[0]).toBe("required");
    expect(tenantMessages(" \t\n ")?.[0]).toBe("required");
    expect(issuesOf(tenantIdSchema, undefined)).toEqual([{ path: "", message: "required" }]);
    expect(issuesOf(tenantIdSchema, 42)).toEqual([{ path: "", message: "required" }]);
  });

  it("normalises a known example", () => {
    expect(tenantIdSchema.parse("  0F8FAD5B-D9CB-469F-A165-70867728950E\n")).toBe(TENANT);
  });
});

describe("partner roles", () => {
  it("assigns the three Business Applications roles and the one Modern Work role", () => {
    expect(rolesOf("BUSINESS_APPLICATIONS")).toEqual(["BUILD_INTENT_ADVISOR", "USAGE_RECOGNITION", "INFLUENCED_REVENUE"]);
    expect(rolesOf("MODERN_WORK_SECURITY")).toEqual(["USE_OR_CONSUME"]);
  });

  it("puts every role in exactly one solution area", () => {
    const all = solutionAreas.flatMap((area) => rolesOf(area));
    expect([...all].sort()).toEqual([...partnerRoles].sort());
  });

  it("keys each definition by its own role", () => {
    for (const role of partnerRoles) expect(roleDefinitions[role].role).toBe(role);
    expect(Object.keys(roleDefinitions).sort()).toEqual([...partnerRoles].sort());
  });

  it("asks for revenue details only for influenced revenue", () => {
    expect(partnerRoles.filter((role) => roleDefinitions[role].revenueDetails)).toEqual(["INFLUENCED_REVENUE"]);
  });

  it("requires a direct purchase for the Business Applications roles only", () => {
    for (const role of partnerRoles) {
      expect(roleDefinitions[role].requiresDirectPurchase).toBe(roleDefinitions[role].solutionArea === "BUSINESS_APPLICATIONS");
    }
  });

  it("pays an incentive for the presales advisor and use-or-consume roles", () => {
    expect(partnerRoles.filter((role) => roleDefinitions[role].incentive)).toEqual(["BUILD_INTENT_ADVISOR", "USE_OR_CONSUME"]);
  });
});

describe("detailsSchema", () => {
  const combinations = solutionAreas.flatMap((solutionArea) => partnerRoles.map((partnerRole) => ({ solutionArea, partnerRole })));

  it.each(combinations)("$partnerRole in $solutionArea", ({ solutionArea, partnerRole }) => {
    const input = { ...revenueDetails, solutionArea, partnerRole };
    const inArea = roleDefinitions[partnerRole].solutionArea === solutionArea;
    if (inArea) expect(detailsSchema.safeParse(input).success).toBe(true);
    else expect(issuesOf(detailsSchema, input)).toEqual([{ path: "partnerRole", message: "roleNotInArea" }]);
  });

  it("accepts a Business Applications role and normalises its fields", () => {
    const parsed = detailsSchema.parse({ ...baDetails, name: "  Contoso rollout ", partnerId: " 1234567 ", tenantId: ` ${TENANT.toUpperCase()} ` });
    expect(parsed).toEqual({ ...baDetails, incentiveOptOut: false });
  });

  it("accepts use-or-consume in Modern Work and keeps the incentive opt-out", () => {
    const parsed = detailsSchema.parse({ ...baDetails, solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", incentiveOptOut: true });
    expect(parsed.incentiveOptOut).toBe(true);
  });

  describe("influenced revenue", () => {
    const fields = ["dynamicsSellerName", "customerName", "isvSolutionName"] as const;

    it("accepts all three revenue details, trimmed", () => {
      const parsed = detailsSchema.parse({ ...revenueDetails, customerName: "  Contoso Ltd  " });
      expect(parsed.customerName).toBe("Contoso Ltd");
      expect(parsed.dynamicsSellerName).toBe("Dana Seller");
      expect(parsed.isvSolutionName).toBe("Contoso CRM Add-on");
    });

    it.each(fields)("requires %s", (field) => {
      const { [field]: _omitted, ...rest } = revenueDetails;
      expect(issuesOf(detailsSchema, rest)).toEqual([{ path: field, message: "required" }]);
      expect(issuesOf(detailsSchema, { ...revenueDetails, [field]: "" })).toEqual([{ path: field, message: "required" }]);
      expect(issuesOf(detailsSchema, { ...revenueDetails, [field]: " \t\u00a0" })).toEqual([{ path: field, message: "required" }]);
    });

    it.each(fields)("limits %s to 200 characters", (field) => {
      expect(detailsSchema.safeParse({ ...revenueDetails, [field]: "x".repeat(200) }).success).toBe(true);
      expect(issuesOf(detailsSchema, { ...revenueDetails, [field]: "x".repeat(201) })).toEqual([{ path: field, message: "tooLong" }]);
    });

    it("reports every missing revenue detail at once", () => {
      expect(errorsOf(detailsSchema, { ...baDetails, partnerRole: "INFLUENCED_REVENUE" })).toEqual({
        dynamicsSellerName: "required",
        customerName: "required",
        isvSolutionName: "required",
      });
    });
  });

  it.each(partnerRoles.filter((role) => role !== "INFLUENCED_REVENUE"))("does not ask %s for revenue details", (partnerRole) => {
    const solutionArea = roleDefinitions[partnerRole].solutionArea;
    const parsed = detailsSchema.parse({ ...baDetails, solutionArea, partnerRole, customerName: "   ", dynamicsSellerName: "" });
    expect(parsed.customerName).toBeUndefined();
    expect(parsed.dynamicsSellerName).toBeUndefined();
    expect(parsed.isvSolutionName).toBeUndefined();
  });

  it("still limits the revenue detail lengths for other roles", () => {
    expect(errorsOf(detailsSchema, { ...baDetails, isvSolutionName: "x".repeat(201) })).toEqual({ isvSolutionName: "tooLong" });
  });

  it("requires a name, 100 characters at most, counted after trimming", () => {
    expect(errorsOf(detailsSchema, { ...baDetails, name: " \n\t " })).toEqual({ name: "required" });
    expect(errorsOf(detailsSchema, { ...baDetails, name: undefined })).toEqual({ name: "required" });
    expect(detailsSchema.parse({ ...baDetails, name: ` ${"n".repeat(100)} ` }).name).toBe("n".repeat(100));
    expect(errorsOf(detailsSchema, { ...baDetails, name: "n".repeat(101) })).toEqual({ name: "tooLong" });
  });

  it("requires a PartnerID and a valid tenant ID", () => {
    expect(errorsOf(detailsSchema, { ...baDetails, partnerId: "  " })).toEqual({ partnerId: "required" });
    expect(errorsOf(detailsSchema, { ...baDetails, tenantId: `{${TENANT}}` })).toEqual({ tenantId: "tenantId" });
    expect(errorsOf(detailsSchema, { ...baDetails, tenantId: "" })).toEqual({ tenantId: "required" });
  });

  it("asks for a solution area and a known role", () => {
    expect(errorsOf(detailsSchema, { ...baDetails, solutionArea: undefined })).toEqual({ solutionArea: "required" });
    expect(errorsOf(detailsSchema, { ...baDetails, solutionArea: "AZURE" })).toEqual({ solutionArea: "required" });
    expect(errorsOf(detailsSchema, { ...baDetails, partnerRole: "RESELLER" })).toEqual({ partnerRole: "required" });
  });

  it("reports the role rules alongside other field errors", () => {
    const errors = errorsOf(detailsSchema, { ...revenueDetails, solutionArea: "MODERN_WORK_SECURITY", name: "", customerName: "" });
    expect(errors).toEqual({ name: "required", partnerRole: "roleNotInArea", customerName: "required" });
  });

  it("answers an empty step with Validation message keys only", () => {
    const errors = errorsOf(detailsSchema, {});
    expect(errors).toEqual({ solutionArea: "required", partnerRole: "required", name: "required", partnerId: "required", tenantId: "required" });
    for (const message of Object.values(errors ?? {})) expect(Object.keys(en.Validation)).toContain(message);
  });
});

describe("workloadsSchema", () => {
  it("requires at least one workload", () => {
    expect(errorsOf(workloadsSchema, { workloadIds: [] })).toEqual({ workloadIds: "workloadsRequired" });
  });

  it("defaults the subscriptions to none and lower-cases their IDs", () => {
    expect(workloadsSchema.parse({ workloadIds: ["dynamics-sales"] })).toEqual({ workloadIds: ["dynamics-sales"], subscriptionIds: [] });
    expect(workloadsSchema.parse({ workloadIds: ["w"], subscriptionIds: ["ABC-Def"] }).subscriptionIds).toEqual(["abc-def"]);
  });

  it("keeps each workload and subscription once, and refuses blank or missing lists with a message key", () => {
    expect(workloadsSchema.parse({ workloadIds: ["w", "w", " x "], subscriptionIds: [" S1", "s1"] })).toEqual({ workloadIds: ["w", "x"], subscriptionIds: ["s1"] });
    expect(errorsOf(workloadsSchema, { workloadIds: [" "] })).toEqual({ "workloadIds.0": "workloadsRequired" });
    expect(errorsOf(workloadsSchema, {})).toEqual({ workloadIds: "workloadsRequired" });
  });
});

describe("contactsSchema", () => {
  const emailFields = ["customerContactEmail", "partnerContactEmail"] as const;

  const emailMessage = (value: string) => errorsOf(contactsSchema, { ...contacts, customerContactEmail: value })?.customerContactEmail ?? null;

  it("accepts both contacts and defaults the customer's language to English", () => {
    const parsed = contactsSchema.parse(contacts);
    expect(parsed).toEqual({ ...contacts, customerLocale: "en" });
    expect(parsed.customerContactTitle).toBeUndefined();
  });

  it("accepts a supported customer language only", () => {
    expect(contactsSchema.parse({ ...contacts, customerLocale: "ja" }).customerLocale).toBe("ja");
    expect(contactsSchema.safeParse({ ...contacts, customerLocale: "fr" }).success).toBe(false);
  });

  it("treats the customer's title as optional, at most 100 characters", () => {
    expect(contactsSchema.parse({ ...contacts, customerContactTitle: "  CIO " }).customerContactTitle).toBe("CIO");
    expect(contactsSchema.parse({ ...contacts, customerContactTitle: "   " }).customerContactTitle).toBeUndefined();
    expect(contactsSchema.parse({ ...contacts, customerContactTitle: "" }).customerContactTitle).toBeUndefined();
    expect(contactsSchema.parse({ ...contacts, customerContactTitle: "t".repeat(100) }).customerContactTitle).toBe("t".repeat(100));
    expect(errorsOf(contactsSchema, { ...contacts, customerContactTitle: "t".repeat(101) })).toEqual({ customerContactTitle: "tooLong" });
  });

  it("requires the names and the address, within their limits", () => {
    expect(errorsOf(contactsSchema, { ...contacts, customerContactName: " ", partnerContactName: "", customerContactAddress: "\n" })).toEqual({
      customerContactName: "required",
      partnerContactName: "required",
      customerContactAddress: "required",
    });
    expect(errorsOf(contactsSchema, { ...contacts, customerContactName: "c".repeat(101) })).toEqual({ customerContactName: "tooLong" });
    expect(errorsOf(contactsSchema, { ...contacts, partnerContactName: "p".repeat(101) })).toEqual({ partnerContactName: "tooLong" });
    expect(contactsSchema.safeParse({ ...contacts, customerContactAddress: "a".repeat(300) }).success).toBe(true);
    expect(errorsOf(contactsSchema, { ...contacts, customerContactAddress: "a".repeat(301) })).toEqual({ customerContactAddress: "tooLong" });
  });

  it.each(emailFields)("requires %s", (field) => {
    const { [field]: _omitted, ...rest } = contacts;
    expect(errorsOf(contactsSchema, rest)).toEqual({ [field]: "required" });
    expect(errorsOf(contactsSchema, { ...contacts, [field]: "  " })).toEqual({ [field]: "required" });
    expect(errorsOf(contactsSchema, { ...contacts, [field]: "not-an-email" })).toEqual({ [field]: "email" });
  });

  it("trims and lower-cases an email address", () => {
    const parsed = contactsSchema.parse({ ...contacts, customerContactEmail: "  Chris.O'Brien@Contoso.COM ", partnerContactEmail: "PAT@FABRIKAM.COM" });
    expect(parsed.customerContactEmail).toBe("chris.o'brien@contoso.com");
    expect(parsed.partnerContactEmail).toBe("pat@fabrikam.com");
  });

  it("refuses malformed addresses", () => {
    for (const value of ["a@b", "a@b.c", "@contoso.com", "chris@", "chris@@contoso.com", "chris @contoso.com", "chris@contoso..com", ".chris@contoso.com", "chris.@contoso.com"]) {
      expect(emailMessage(value), value).toBe("email");
    }
  });

  it("limits an email address to 254 characters", () => {
    const domain = `${"d".repeat(60)}.${"e".repeat(60)}.${"f".repeat(60)}.com`;
    const address = (length: number) => `${"u".repeat(length - domain.length - 1)}@${domain}`;
    expect(emailMessage(address(254))).toBeNull();
    expect(emailMessage(address(255))).toBe("tooLong");
  });

  it("accepts generated addresses in the common character set, lower-cased", () => {
    // fc.emailAddress() follows RFC 5322, whose local parts may hold characters like ! # { } that the
    // schema's (Zod's default) email pattern refuses; keep its structure and map those to "_".
    const common = fc.emailAddress().map((address) => {
      const at = address.lastIndexOf("@");
      return address.slice(0, at).replace(/[^A-Za-z0-9_+.-]/g, "_") + address.slice(at);
    });
    fc.assert(
      fc.property(whitespace, common.chain(randomCase), whitespace, (before, address, after) => {
        fc.pre(address.length <= 254);
        const result = contactsSchema.shape.customerContactEmail.safeParse(before + address + after);
        expect(result.success).toBe(true);
        expect(result.data).toBe(address.toLowerCase());
      }),
    );
  });

  it("either accepts any generated RFC address lower-cased or refuses it as an email", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const result = contactsSchema.shape.partnerContactEmail.safeParse(address);
        if (result.success) expect(result.data).toBe(address.toLowerCase());
        else expect(result.error.issues.map((issue) => issue.message)).toEqual([address.length > 254 ? "tooLong" : "email"]);
      }),
    );
  });

  it("refuses any string without an @", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.emailAddress().map((address) => address.replace("@", ""))), (value) => {
        fc.pre(!value.includes("@"));
        const trimmed = value.trim();
        const expected = trimmed === "" ? "required" : trimmed.length > 254 ? "tooLong" : "email";
        expect(emailMessage(value)).toBe(expected);
      }),
    );
  });
});

describe("claimSchema", () => {
  const claim = { ...revenueDetails, workloadIds: ["dynamics-sales"], subscriptionIds: ["SUB-1"], ...contacts };

  it("accepts a whole claim and normalises it", () => {
    const parsed = claimSchema.parse({ ...claim, tenantId: TENANT.toUpperCase(), customerContactEmail: "Chris@Contoso.com" });
    expect(parsed).toEqual({ ...claim, subscriptionIds: ["sub-1"], incentiveOptOut: false, customerLocale: "en" });
  });

  it("applies the role rules to the whole claim", () => {
    expect(errorsOf(claimSchema, { ...claim, solutionArea: "MODERN_WORK_SECURITY" })).toEqual({ partnerRole: "roleNotInArea" });
    expect(errorsOf(claimSchema, { ...claim, isvSolutionName: " " })).toEqual({ isvSolutionName: "required" });
  });

  it("reports the errors of every step together", () => {
    expect(errorsOf(claimSchema, { ...claim, tenantId: "nope", workloadIds: [], partnerContactEmail: "pat" })).toEqual({
      tenantId: "tenantId",
      workloadIds: "workloadsRequired",
      partnerContactEmail: "email",
    });
  });
});

describe("fieldErrorsOf", () => {
  const issue = (path: (string | number)[], message: string) => ({ code: "custom" as const, path, message, input: undefined });

  it("keys errors by dotted path; an issue of the input as a whole is no field's", () => {
    const error = new z.ZodError([
      issue(["subscriptions", "dynamics-sales"], "subscriptionRequired"),
      issue(["workloadIds", 0], "workloadNotInArea"),
      issue([], "Invalid input: expected object, received null"),
    ]);
    expect(fieldErrorsOf(error)).toEqual({ "subscriptions.dynamics-sales": "subscriptionRequired", "workloadIds.0": "workloadNotInArea" });
  });

  it("answers input that is not the form's shape as the problem invalidRequest, with any field errors", () => {
    expect(invalidInput(new z.ZodError([issue(["name"], "required")]))).toEqual({ ok: false, fieldErrors: { name: "required" } });
    expect(invalidInput(new z.ZodError([issue([], "Invalid input")]))).toEqual({ ok: false, fieldErrors: {}, problem: "invalidRequest" });
    const notAnObject = detailsSchema.safeParse(null);
    expect(invalidInput(notAnObject.error!)).toEqual({ ok: false, fieldErrors: {}, problem: "invalidRequest" });
  });

  it("keeps the first message of a field", () => {
    const error = new z.ZodError([issue(["name"], "required"), issue(["name"], "tooLong"), issue(["tenantId"], "tenantId")]);
    expect(fieldErrorsOf(error)).toEqual({ name: "required", tenantId: "tenantId" });
  });
});
