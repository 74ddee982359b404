"use client";
// "Upload PoE": the details of the proof, the files, comments, and the acknowledgements with Submit claim.
import NextLink from "next/link";
import { useTranslations } from "next-intl";
import { Divider, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useHydrated } from "@/components/hooks/useHydrated";
import type { ProofView } from "@/lib/poe/queries";
import type { PoeDetailsInput } from "@/lib/poe/schemas";
import { PageHeader } from "../PageHeader";
import { PoeComments } from "./PoeComments";
import { PoeDetailsForm } from "./PoeDetailsForm";
import { PoeFiles } from "./PoeFiles";
import { SubmitClaim } from "./SubmitClaim";

const useStyles = makeStyles({
  back: { display: "inline-block", marginBottom: "8px", color: tokens.colorBrandForegroundLink },
  body: { display: "flex", flexDirection: "column", gap: "20px", maxWidth: "960px" },
  section: { display: "flex", flexDirection: "column", gap: "12px" },
});

export function PoePage({ claimId, claimName, workloads, proof }: { claimId: string; claimName: string; workloads: { id: string; name: string }[]; proof: ProofView }) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  const hydrated = useHydrated();
  return (
    <div data-ready={hydrated || undefined}>
      <NextLink href={`/claims/${claimId}`} className={styles.back}>
        ← {t("backToClaim")}
      </NextLink>
      <PageHeader title={t("title", { name: claimName })} lead={t("intro")} />
      <div className={styles.body}>
        <section className={styles.section} aria-labelledby="poe-details">
          <Subtitle2 as="h2" id="poe-details">
            {t("detailsHeading")}
          </Subtitle2>
          <PoeDetailsForm claimId={claimId} workloads={workloads} defaults={(proof.details ?? undefined) as PoeDetailsInput | undefined} />
        </section>
        <Divider />
        <section className={styles.section} aria-labelledby="poe-files">
          <Subtitle2 as="h2" id="poe-files">
            {t("filesHeading")}
          </Subtitle2>
          <PoeFiles claimId={claimId} files={proof.files} editable />
        </section>
        <Divider />
        <section className={styles.section} aria-labelledby="poe-comments">
          <Subtitle2 as="h2" id="poe-comments">
            {t("commentsHeading")}
          </Subtitle2>
          <PoeComments claimId={claimId} comments={proof.comments} />
        </section>
        <Divider />
        <section className={styles.section} aria-labelledby="poe-submit">
          <Subtitle2 as="h2" id="poe-submit">
            {t("submitHeading")}
          </Subtitle2>
          <SubmitClaim claimId={claimId} />
        </section>
      </div>
    </div>
  );
}
