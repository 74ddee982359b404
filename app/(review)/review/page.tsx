import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { ReviewQueue } from "@/components/review/ReviewQueue";
import { requireReviewer } from "@/lib/auth/session";
import { reviewQueueView } from "@/lib/review/queue-page";

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireReviewer();
  const t = await getTranslations("Review");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <ReviewQueue {...await reviewQueueView(viewer, params)} />
    </>
  );
}
