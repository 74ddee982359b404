// The demo reference data of the domain (organisations, catalog, tenants): seeded for development and tests.
import type { PurchaseChannel, SolutionArea, UserRole } from "../generated/prisma/enums";

export type ReferenceData = {
  workloads: { id: string; solutionArea: SolutionArea; name: string }[];
  tenants: {
    id: string;
    name: string;
    subscriptions: { id: string; workloadId: string; channel: PurchaseChannel; endsAt: Date }[];
  }[];
  /** entraTenantIds: the Microsoft Entra ID tenants the organisation's people sign in from (the token's `tid`). */
  organizations: { name: string; locations: { partnerId: string; city: string | null }[]; entraTenantIds: string[] }[];
  users: { email: string; name: string; role: UserRole; organization?: string }[];
};

const mws = (name: string) => ({ id: `mws-${slug(name)}`, solutionArea: "MODERN_WORK_SECURITY" as const, name });
const ba = (name: string) => ({ id: `ba-${slug(name)}`, solutionArea: "BUSINESS_APPLICATIONS" as const, name });
function slug(name: string) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function monthsFrom(now: Date, months: number) {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}

export const DEMO = {
  tenants: {
    northwind: "4f2c1a7e-8b3d-4c6e-9a1f-2d5b7c9e0a13",
    tailspin: "9b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
  },
  subscriptions: {
    northwindSales: "6a1d3c5e-0b2f-4a7c-9e8d-1f3b5d7a9c20",
    northwindPowerApps: "7b2e4d6f-1c3a-4b8d-8f9e-2a4c6e8b0d31",
    northwindCustomerServiceCsp: "8c3f5e7a-2d4b-4c9e-9a0f-3b5d7f9c1e42",
    tailspinBusinessCentralExpired: "0d4a6f8b-3e5c-4daf-8b1a-4c6e8a0d2f53",
    /** Ends within the re-association window (90 days): its association is offered "Re-associate". */
    northwindFieldServiceEnding: "1e5b7a9c-4f6d-4eb0-9c2b-5d7f9b1e3a64",
  },
  /** The demo organisations' Microsoft Entra ID tenants (tests/support/entra.ts signs their people in). */
  entraTenants: {
    contoso: "3c8a3d2e-5b1f-4c7a-9e6d-0f2b4a6c8e10",
    fabrikam: "7d1e9f3a-2c4b-4e8d-a6f0-5b3c1d9e7a24",
  },
  users: {
    contosoAdmin: "admin@contoso.example",
    fabrikamAdmin: "admin@fabrikam.example",
    reviewer: "reviewer@microsoft.example",
  },
} as const;

/** The demo data as of `now` (subscription end dates are relative to it). */
export function demoReferenceData(now = new Date()): ReferenceData {
  return {
    workloads: [
      ...[
        "Exchange Online",
        "SharePoint Online",
        "OneDrive",
        "Microsoft Teams",
        "Microsoft Intune",
        "Microsoft Entra ID P1/P2",
        "Microsoft Defender for Endpoint",
        "Microsoft Defender for Office 365",
        "Microsoft Purview",
        "Microsoft 365 Copilot",
        "Windows 365",
      ].map(mws),
      ...[
        "Dynamics 365 Sales",
        "Dynamics 365 Customer Service",
        "Dynamics 365 Field Service",
        "Dynamics 365 Finance",
        "Dynamics 365 Supply Chain Management",
        "Dynamics 365 Business Central",
        "Power Apps",
        "Power Automate",
        "Copilot Studio",
      ].map(ba),
    ],
    tenants: [
      {
        id: DEMO.tenants.northwind,
        name: "Northwind Traders",
        subscriptions: [
          { id: DEMO.subscriptions.northwindSales, workloadId: "ba-dynamics-365-sales", channel: "VOLUME_LICENSING", endsAt: monthsFrom(now, 10) },
          { id: DEMO.subscriptions.northwindPowerApps, workloadId: "ba-power-apps", channel: "WEB_DIRECT", endsAt: monthsFrom(now, 14) },
          { id: DEMO.subscriptions.northwindCustomerServiceCsp, workloadId: "ba-dynamics-365-customer-service", channel: "CSP", endsAt: monthsFrom(now, 12) },
          { id: DEMO.subscriptions.northwindFieldServiceEnding, workloadId: "ba-dynamics-365-field-service", channel: "VOLUME_LICENSING", endsAt: monthsFrom(now, 2) },
        ],
      },
      {
        id: DEMO.tenants.tailspin,
        name: "Tailspin Toys",
        subscriptions: [
          { id: DEMO.subscriptions.tailspinBusinessCentralExpired, workloadId: "ba-dynamics-365-business-central", channel: "WEB_DIRECT", endsAt: monthsFrom(now, -2) },
        ],
      },
    ],
    organizations: [
      { name: "Contoso", locations: [{ partnerId: "4412345", city: "Seattle" }, { partnerId: "4412346", city: "Tokyo" }], entraTenantIds: [DEMO.entraTenants.contoso] },
      { name: "Fabrikam", locations: [{ partnerId: "5523456", city: null }], entraTenantIds: [DEMO.entraTenants.fabrikam] },
    ],
    users: [
      { email: DEMO.users.contosoAdmin, name: "Contoso incentive admin", role: "INCENTIVE_ADMIN", organization: "Contoso" },
      { email: DEMO.users.fabrikamAdmin, name: "Fabrikam incentive admin", role: "INCENTIVE_ADMIN", organization: "Fabrikam" },
      { email: DEMO.users.reviewer, name: "Microsoft reviewer", role: "REVIEWER" },
    ],
  };
}
