import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { ReviewDashboard } from "@/components/review/ReviewDashboard";
import { requireReviewer } from "@/lib/auth/session";
import { loadDashboard } from "@/lib/review/dashboard-page";

export default async function ReviewDashboardPage() {
  await requireReviewer();
  const t = await getTranslations("Review");
  const dashboard = await loadDashboard();
  return (
    <>
      <PageHeader title={t("dashboardTitle")} lead={t("dashboardLead")} />
      <ReviewDashboard dashboard={dashboard} />
    </>
  );
}
