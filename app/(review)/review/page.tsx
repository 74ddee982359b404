import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { ReviewQueue } from "@/components/review/ReviewQueue";
import { requireReviewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { countQueue, listQueue, queueQuerySchema, reviewOrganizations, rowTimer, searchPlan } from "@/lib/review/queue";

const PAGE_SIZE = 50;

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireReviewer();
  const t = await getTranslations("Review");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const query = queueQuerySchema.parse(raw);
  const now = new Date();
  // One search plan for the page and its count.
  const search = await searchPlan(db, query);
  const [page, total, organizations] = await Promise.all([
    listQueue(db, query, viewer.id, PAGE_SIZE, search),
    countQueue(db, query, viewer.id, { search }),
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
        rows={page.rows.map(({ submittedAt, statusChangedAt, ...row }) => {
          const { due, ...timer } = rowTimer({ status: row.status, statusChangedAt }, now);
          return { ...row, ...timer, submittedAt: submittedAt.toISOString(), dueAt: due?.toISOString() ?? null };
        })}
      />
    </>
  );
}
