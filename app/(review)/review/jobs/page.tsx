import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { ReviewJobs } from "@/components/review/ReviewJobs";
import { requireReviewer } from "@/lib/auth/session";
import { jobsOverview } from "@/lib/jobs/queue";

export const dynamic = "force-dynamic";

export default async function ReviewJobsPage() {
  await requireReviewer();
  const t = await getTranslations("Jobs");
  const jobs = await jobsOverview();
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <ReviewJobs jobs={jobs} />
    </>
  );
}
