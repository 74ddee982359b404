"use client";
// The review page's competing claims: every other submitted claim on the same tenant workloads or
// subscriptions (in the same engagement), with its status, dates, whether it holds the association and
// when its customer acknowledged its proof; and the way to compare them side by side.
import NextLink from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, Button, Card, makeStyles, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { StatusBadge } from "@/components/claims/StatusBadge";

const useStyles = makeStyles({
  panel: { padding: "16px 20px", marginBottom: "16px", maxWidth: "880px", display: "flex", flexDirection: "column", gap: "12px" },
  link: { color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightSemibold },
  tableWrap: { overflowX: "auto" },
});

export type CompetitorView = {
  claimId: string;
  name: string;
  organizationName: string;
  partnerId: string;
  sameOrganization: boolean;
  status: string;
  submittedAt: string | null;
  statusChangedAt: string | null;
  items: string[];
  associatedSince: string | null;
  acknowledgedOn?: string | null;
};

export function CompetingClaims({ claimId, competitors }: { claimId: string; competitors: CompetitorView[] }) {
  const styles = useStyles();
  const t = useTranslations("Review");
  const format = useFormatter();
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium" }) : "—");
  return (
    <Card className={styles.panel}>
      <Subtitle2 as="h2">{t("conflictsHeading")}</Subtitle2>
      {competitors.length === 0 ? (
        <Text>{t("noConflicts")}</Text>
      ) : (
        <>
          <Text>{t("conflictsHelp")}</Text>
          <div className={styles.tableWrap}>
            <Table size="small" aria-label={t("conflictsHeading")}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("columns.claim")}</TableHeaderCell>
                  <TableHeaderCell>{t("columns.partner")}</TableHeaderCell>
                  <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
                  <TableHeaderCell>{t("columns.submitted")}</TableHeaderCell>
                  <TableHeaderCell>{t("columns.sharedItems")}</TableHeaderCell>
                  <TableHeaderCell>{t("columns.association")}</TableHeaderCell>
                  <TableHeaderCell>{t("acknowledgedOn")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {competitors.map((c) => (
                  <TableRow key={c.claimId} data-testid="competitor">
                    <TableCell>
                      <NextLink href={`/review/claims/${c.claimId}`} className={styles.link}>
                        {c.name}
                      </NextLink>
                    </TableCell>
                    <TableCell>
                      {c.organizationName} · {c.partnerId}{" "}
                      {c.sameOrganization ? (
                        <Badge size="small" appearance="outline">
                          {t("sameOrganization")}
                        </Badge>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <StatusBadge status={c.status} />
                      <Text size={200}> {t("since", { date: date(c.statusChangedAt) })}</Text>
                    </TableCell>
                    <TableCell>{date(c.submittedAt)}</TableCell>
                    <TableCell>{c.items.join(", ")}</TableCell>
                    <TableCell>{c.associatedSince ? t("heldSince", { date: date(c.associatedSince) }) : "—"}</TableCell>
                    <TableCell data-testid="competitor-acknowledged">{c.acknowledgedOn ? format.dateTime(new Date(`${c.acknowledgedOn}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div>
            <Button as="a" href={`/review/claims/${claimId}/compare`}>
              {t("compare")}
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}
