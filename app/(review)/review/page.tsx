import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { ReviewQueue } from "@/components/review/ReviewQueue";
import { requireReviewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { countQueue, listQueue, queueQuerySchema, reviewOrganizations, rowTimer } from "@/lib/review/queue";

const PAGE_SIZE = 50;

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireReviewer();
  const t = await getTranslations("Review");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const query = queueQuerySchema.parse(raw);
  const now = new Date();
  const [page, total, organizations] = await Promise.all([
    listQueue(db, query, viewer.id, PAGE_SIZE),
    countQueue(db, query, viewer.id),
    reviewOrganizations(db),
  ]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <ReviewQueue
        query={query}
        total={total}
        organizations={organizations}
        next={page.next}
        previous={page.previous}
        viewerId={viewer.id}
        rows={page.rows.map((row) => {
          const timer = rowTimer(row, now);
          return {
            id: row.id,
            name: row.name,
            tenantId: row.tenantId,
            solutionArea: row.solutionArea,
            partnerRole: row.partnerRole,
            partnerId: row.partnerId,
            organizationName: row.organizationName,
            status: row.status,
            customerResponse: row.customerResponse,
            submittedAt: row.submittedAt.toISOString(),
            daysInStatus: timer.daysInStatus,
            timerDays: timer.timerDays,
            dueAt: timer.due?.toISOString() ?? null,
            overdue: timer.overdue,
            hasConflict: row.hasConflict,
            assignedToId: row.assignedToId,
            assignedToName: row.assignedToName,
          };
        })}
      />
    </>
  );
}
