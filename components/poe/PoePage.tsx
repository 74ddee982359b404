"use client";
// "Upload PoE": the details of the proof, the files, comments, and the acknowledgements with Submit claim
// (or, in Partner action required, Resubmit claim: the acknowledgements were given at submission).
import { useState, type ReactNode } from "react";
import NextLink from "next/link";
import { useTranslations } from "next-intl";
import { Divider, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useHydrated } from "@/components/hooks/useHydrated";
import type { ProofView } from "@/lib/poe/queries";
import type { PoeDetailsInput } from "@/lib/poe/fields";
import { PageHeader } from "../PageHeader";
import { PoeComments } from "./PoeComments";
import { PoeDetailsForm } from "./PoeDetailsForm";
import { PoeFiles } from "./PoeFiles";
import { SubmitClaim } from "./SubmitClaim";
import { ResubmitClaim } from "@/components/claims/ResubmitClaim";

const useStyles = makeStyles({
  back: { display: "inline-block", marginBottom: "8px", color: tokens.colorBrandForegroundLink },
  body: { display: "flex", flexDirection: "column", gap: "20px", maxWidth: "960px" },
  section: { display: "flex", flexDirection: "column", gap: "12px" },
});

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export function PoePage({
  claimId,
  claimName,
  workloads,
  proof,
  resubmission = false,
}: {
  claimId: string;
  claimName: string;
  workloads: { id: string; name: string }[];
  proof: ProofView;
  resubmission?: boolean;
}) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  const tl = useTranslations("PartnerLoop");
  const hydrated = useHydrated();
  // Submit (or Resubmit) waits while a file is still uploading: the server would not count it yet.
  const [uploading, setUploading] = useState(false);
  return (
    <div data-ready={hydrated || undefined}>
      <NextLink href={`/claims/${claimId}`} className={styles.back}>
        ← {t("backToClaim")}
      </NextLink>
      <PageHeader title={t("title", { name: claimName })} lead={resubmission ? tl("poeIntro") : t("intro")} />
      <div className={styles.body}>
        <Section id="poe-details" title={t("detailsHeading")}>
          <PoeDetailsForm claimId={claimId} workloads={workloads} defaults={(proof.details ?? undefined) as PoeDetailsInput | undefined} />
        </Section>
        <Divider />
        <Section id="poe-files" title={t("filesHeading")}>
          <PoeFiles claimId={claimId} files={proof.files} editable onUploadingChange={setUploading} />
        </Section>
        <Divider />
        <Section id="poe-comments" title={t("commentsHeading")}>
          <PoeComments claimId={claimId} comments={proof.comments} />
        </Section>
        <Divider />
        {resubmission ? (
          <Section id="poe-submit" title={tl("resubmitHeading")}>
            <Text>{tl("resubmitHint")}</Text>
            <ResubmitClaim claimId={claimId} uploading={uploading} />
          </Section>
        ) : (
          <Section id="poe-submit" title={t("submitHeading")}>
            <SubmitClaim claimId={claimId} uploading={uploading} />
          </Section>
        )}
      </div>
    </div>
  );
}
