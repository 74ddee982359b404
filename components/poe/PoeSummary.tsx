"use client";
// The proof of execution as submitted, read-only, on the claim page.
import { useTranslations } from "next-intl";
import { makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { ProofView } from "@/lib/poe/queries";
import { PoeFileList } from "./PoeFileList";

const useStyles = makeStyles({
  section: { marginTop: "24px", maxWidth: "880px", display: "flex", flexDirection: "column", gap: "12px" },
  grid: { display: "grid", gridTemplateColumns: "minmax(160px, 240px) 1fr", gap: "6px 16px", margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, whiteSpace: "pre-wrap" },
});

export function PoeSummary({ claimId, proof, workloads }: { claimId: string; proof: ProofView; workloads: { id: string; name: string }[] }) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  const nameOf = (id: string) => workloads.find((w) => w.id === id)?.name ?? id;
  const details = proof.details;
  return (
    <section className={styles.section} aria-labelledby="poe-heading">
      <Subtitle2 as="h2" id="poe-heading">
        {t("readOnlyHeading")}
      </Subtitle2>
      {details ? (
        <dl className={styles.grid}>
          <dt className={styles.term}>{t("documentType")}</dt>
          <dd className={styles.value}>{t(`documentTypes.${details.documentType}`)}</dd>
          <dt className={styles.term}>{t("activitiesDescription")}</dt>
          <dd className={styles.value}>{details.activitiesDescription}</dd>
          {details.activities.map((a) => (
            <div key={a.activity} style={{ display: "contents" }}>
              <dt className={styles.term}>{t(`activityTypes.${a.activity}`)}</dt>
              <dd className={styles.value}>{a.workloadIds.map(nameOf).join(", ")}</dd>
            </div>
          ))}
          <dt className={styles.term}>{t("acknowledgedOn")}</dt>
          <dd className={styles.value}>
            {details.customerAcknowledgedOn} · {details.acknowledgedByName}
            {details.acknowledgedByTitle ? `, ${details.acknowledgedByTitle}` : ""}
          </dd>
          {details.publicSector ? (
            <>
              <dt className={styles.term}>{t("publicSectorShort")}</dt>
              <dd className={styles.value}>{t("publicSector")}</dd>
            </>
          ) : null}
          {proof.comments ? (
            <>
              <dt className={styles.term}>{t("commentsHeading")}</dt>
              <dd className={styles.value}>{proof.comments}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <Text>{t("none")}</Text>
      )}
      <PoeFileList claimId={claimId} files={proof.files} />
    </section>
  );
}
