// Loads reference data (organisations, users, catalog, tenants, subscriptions) into the database, idempotently.
import type { Db } from "../db-client";
import type { ReferenceData } from "./demo-data";

/** Upserts every record by its natural key; running it twice changes nothing the second time. */
export async function importReferenceData(db: Db, data: ReferenceData) {
  await db.$transaction(async (tx) => {
    for (const [index, workload] of data.workloads.entries()) {
      await tx.workload.upsert({
        where: { id: workload.id },
        create: { ...workload, sortOrder: index },
        update: { name: workload.name, solutionArea: workload.solutionArea, sortOrder: index },
      });
    }
    for (const { subscriptions, ...tenant } of data.tenants) {
      await tx.tenant.upsert({ where: { id: tenant.id }, create: tenant, update: { name: tenant.name } });
      for (const subscription of subscriptions) {
        const fields = { ...subscription, tenantId: tenant.id };
        await tx.subscription.upsert({ where: { id: subscription.id }, create: fields, update: fields });
      }
    }
    for (const { locations, name, entraTenantIds } of data.organizations) {
      const organization = await tx.organization.upsert({ where: { name }, create: { name }, update: {} });
      for (const location of locations) {
        const fields = { ...location, organizationId: organization.id };
        await tx.partnerLocation.upsert({ where: { partnerId: location.partnerId }, create: fields, update: fields });
      }
      // A tenant named again under another organisation moves there: its people's next sign-in follows it.
      for (const tenantId of entraTenantIds) {
        const fields = { tenantId, organizationId: organization.id };
        await tx.entraTenant.upsert({ where: { tenantId }, create: fields, update: fields });
      }
    }
    for (const { organization, ...user } of data.users) {
      const organizationId = organization
        ? (await tx.organization.findUniqueOrThrow({ where: { name: organization } })).id
        : null;
      const fields = { ...user, organizationId };
      await tx.user.upsert({ where: { email: user.email }, create: fields, update: fields });
    }
  }, { timeout: 60_000 });
}
