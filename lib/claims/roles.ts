// Partner roles: which solution area each belongs to, the engagement it maps to, and whether it earns an incentive.
import type { PartnerRole, SolutionArea } from "../generated/prisma/enums";

export const solutionAreas = ["MODERN_WORK_SECURITY", "BUSINESS_APPLICATIONS"] as const satisfies readonly SolutionArea[];
export const partnerRoles = ["BUILD_INTENT_ADVISOR", "USAGE_RECOGNITION", "INFLUENCED_REVENUE", "USE_OR_CONSUME"] as const satisfies readonly PartnerRole[];

export type RoleDefinition = {
  role: PartnerRole;
  solutionArea: SolutionArea;
  engagement: string;
  /** Whether the role earns an incentive payment (Use or consume: unless opted out per claim). */
  incentive: boolean;
  /** The Business Applications roles apply only to Volume Licensing or Web-Direct purchases. */
  requiresDirectPurchase: boolean;
  /** Influenced revenue recognition asks for the Dynamics seller, customer and ISV solution names. */
  revenueDetails: boolean;
};

export const roleDefinitions: Record<PartnerRole, RoleDefinition> = {
  BUILD_INTENT_ADVISOR: {
    role: "BUILD_INTENT_ADVISOR",
    solutionArea: "BUSINESS_APPLICATIONS",
    engagement: "MCI BizApps Presales Advisor",
    incentive: true,
    requiresDirectPurchase: true,
    revenueDetails: false,
  },
  USAGE_RECOGNITION: {
    role: "USAGE_RECOGNITION",
    solutionArea: "BUSINESS_APPLICATIONS",
    engagement: "Usage Recognition - Biz Apps",
    incentive: false,
    requiresDirectPurchase: true,
    revenueDetails: false,
  },
  INFLUENCED_REVENUE: {
    role: "INFLUENCED_REVENUE",
    solutionArea: "BUSINESS_APPLICATIONS",
    engagement: "Microsoft Business Applications Revenue",
    incentive: false,
    requiresDirectPurchase: true,
    revenueDetails: true,
  },
  USE_OR_CONSUME: {
    role: "USE_OR_CONSUME",
    solutionArea: "MODERN_WORK_SECURITY",
    engagement: "Modern Work and Security Usage",
    incentive: true,
    requiresDirectPurchase: false,
    revenueDetails: false,
  },
};

export const rolesOf = (area: SolutionArea) => partnerRoles.filter((role) => roleDefinitions[role].solutionArea === area);
