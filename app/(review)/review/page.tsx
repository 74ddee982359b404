import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { requireReviewer } from "@/lib/auth/session";

export default async function ReviewQueuePage() {
  await requireReviewer();
  const t = await getTranslations("Review");
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <p>{t("awaiting", { count: 0 })}</p>
    </>
  );
}
