import { getTranslations } from "next-intl/server";
import { ClaimsList } from "@/components/claims/ClaimsList";
import { PageHeader } from "@/components/PageHeader";
import { requirePartnerAdmin } from "@/lib/auth/session";
import { claimSortFields, listClaims } from "@/lib/claims/queries";
import { solutionAreas } from "@/lib/claims/roles";
import { claimStatuses } from "@/lib/claims/vocabulary";
import { pageNumber, searchText } from "@/lib/text";

const PAGE_SIZE = 20;

type Search = Partial<Record<"q" | "status" | "area" | "sort" | "dir" | "page", string | string[]>>;

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePartnerAdmin();
  const t = await getTranslations("Claims");
  const search = await searchParams;
  const status = claimStatuses.find((s) => s === search.status);
  const solutionArea = solutionAreas.find((a) => a === search.area);
  const sort = claimSortFields.find((f) => f === search.sort) ?? "updatedAt";
  const direction = search.dir === "asc" ? "asc" : search.dir === "desc" ? "desc" : sort === "updatedAt" ? "desc" : "asc";
  // The page number within a sane range, the search as text (a URL can carry anything).
  const page = pageNumber(search.page);
  const q = searchText(search.q, 100) ?? "";

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
