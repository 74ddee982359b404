"use client";
// The operators' view of the background jobs: each periodic job's schedule, how many runs wait, run or
// failed, and its most recent runs with their outcome.
import { useFormatter, useTranslations } from "next-intl";
import { Badge, Card, makeStyles, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { useHydrated } from "@/components/hooks/useHydrated";
import type { JobQueueView } from "@/lib/jobs/queue";

const useStyles = makeStyles({
  job: { padding: "16px", marginBottom: "16px", display: "flex", flexDirection: "column", gap: "8px" },
  meta: { color: tokens.colorNeutralForeground2 },
});

const stateColor = { completed: "success", failed: "danger", retry: "warning", active: "brand", created: "informative", cancelled: "subtle" } as const;

export function ReviewJobs({ jobs }: { jobs: JobQueueView[] }) {
  const styles = useStyles();
  const t = useTranslations("Jobs");
  const format = useFormatter();
  const hydrated = useHydrated();
  const when = (date: Date | null) => (date ? format.dateTime(new Date(date), { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC" : "—");
  return (
    <div data-ready={hydrated || undefined}>
      {jobs.map((job) => (
        <Card key={job.name} className={styles.job} data-testid={`job-${job.name}`}>
          <Subtitle2 as="h2">{t(`names.${job.name}`)}</Subtitle2>
          <Text className={styles.meta}>
            {t("schedule", { cron: job.cron })} · {t("counts", { queued: job.queued, active: job.active, failed: job.failed })}
          </Text>
          {job.runs.length === 0 ? (
            <Text>{t("noRuns")}</Text>
          ) : (
            <Table size="small" aria-label={t("runsOf", { job: t(`names.${job.name}`) })}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("created")}</TableHeaderCell>
                  <TableHeaderCell>{t("state")}</TableHeaderCell>
                  <TableHeaderCell>{t("completed")}</TableHeaderCell>
                  <TableHeaderCell>{t("retries")}</TableHeaderCell>
                  <TableHeaderCell>{t("output")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {job.runs.map((run) => (
                  <TableRow key={run.id}>
                    <TableCell>{when(run.createdOn)}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={stateColor[run.state]}>
                        {t(`states.${run.state}`)}
                      </Badge>
                    </TableCell>
                    <TableCell>{when(run.completedOn)}</TableCell>
                    <TableCell>{format.number(run.retryCount)}</TableCell>
                    <TableCell>{run.output ?? "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
      ))}
    </div>
  );
}
