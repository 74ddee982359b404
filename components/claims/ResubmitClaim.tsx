"use client";
// "Resubmit claim" on a claim in Partner action required (claim page and PoE page). The server checks
// the whole claim and its proof again, as at submission; a second click finds it already resubmitted.
// On the PoE page it waits while a file is still uploading.
import { useRef, useState, useTransition } from "react";
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { makeStyles, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { ArrowSync20Regular } from "@fluentui/react-icons";
import { resubmitClaimAction } from "@/lib/claims/partner-actions";
import { UploadAwareButton } from "@/components/poe/UploadAwareButton";

const useStyles = makeStyles({ column: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" } });

export function ResubmitClaim({ claimId, uploading = false }: { claimId: string; uploading?: boolean }) {
  const styles = useStyles();
  const t = useTranslations("PartnerLoop");
  const tp = useTranslations("Poe");
  const te = useTranslations("Errors");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string>();
  const sending = useRef(false);

  const resubmit = () => {
    if (sending.current || uploading) return;
    sending.current = true;
    startTransition(async () => {
      setProblem(undefined);
      const result = await resubmitClaimAction(claimId);
      sending.current = false;
      if (result.ok) {
        router.push(`/claims/${claimId}`);
        router.refresh();
      } else setProblem(result.problem ?? "claimIncomplete");
    });
  };

  return (
    <div className={styles.column}>
      {problem ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            {problem === "unavailable" ? te("unavailable") : tp.has(`problems.${problem}`) && problem !== "notEditable" ? tp(`problems.${problem}`) : t("resubmitNotPossible")}
            {problem === "claimIncomplete" ? (
              <>
                {" "}
                <NextLink href={`/claims/${claimId}/edit`}>{t("editClaim")}</NextLink>
              </>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <UploadAwareButton appearance="primary" icon={<ArrowSync20Regular />} onClick={resubmit} disabled={pending} uploading={uploading}>
        {pending ? t("resubmitting") : t("resubmit")}
      </UploadAwareButton>
    </div>
  );
}
