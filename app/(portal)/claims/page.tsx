import { getTranslations } from "next-intl/server";
import { ClaimsList } from "@/components/claims/ClaimsList";
import { PageHeader } from "@/components/PageHeader";
import { requirePartnerAdmin } from "@/lib/auth/session";
import { claimListQuery, listClaims, type ClaimListSearch } from "@/lib/claims/queries";

const PAGE_SIZE = 20;

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<ClaimListSearch> }) {
  const viewer = await requirePartnerAdmin();
  const t = await getTranslations("Claims");
  const { status, solutionArea, q, sort, direction, page } = claimListQuery(await searchParams, PAGE_SIZE);

  const { total, rows } = await listClaims(viewer, { status, solutionArea, q, sort, direction, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <ClaimsList
        state={{ q, status: status ?? "", area: solutionArea ?? "", sort, direction, page, pageSize: PAGE_SIZE, total }}
        rows={rows.map((row) => ({
          id: row.id,
          name: row.name,
          tenantId: row.tenantId,
          solutionArea: row.solutionArea,
          partnerRole: row.partnerRole,
          partnerId: row.partnerId,
          status: row.status,
          updatedAt: row.updatedAt.toISOString(),
          items: row.workloads.sort((a, b) => a.workload.sortOrder - b.workload.sortOrder).map((w) => w.workload.name),
          subscriptionCount: row.subscriptions.length,
        }))}
      />
    </>
  );
}
