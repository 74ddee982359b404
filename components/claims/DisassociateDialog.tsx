"use client";
// "Disassociate customer" on an Approved claim: a dialog asking why (required), then the association
// ends and the claim becomes Rejected final (partner request).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, makeStyles, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import { PersonDelete20Regular } from "@fluentui/react-icons";
import { useFieldError } from "@/components/claims/wizard/fieldError";
import { disassociateClaimAction } from "@/lib/claims/partner-actions";
import type { DisassociateInput } from "@/lib/claims/fields";
import { resolverOnDemand } from "@/components/forms/resolverOnDemand";

const validation = resolverOnDemand(() => import("@/lib/claims/fields").then((m) => m.disassociateFormSchema));

const useStyles = makeStyles({ content: { display: "flex", flexDirection: "column", gap: "12px" } });

export function DisassociateDialog({ claimId, tenantName }: { claimId: string; tenantName: string }) {
  const styles = useStyles();
  const t = useTranslations("PartnerLoop");
  const te = useTranslations("Errors");
  const fieldError = useFieldError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string>();
  const form = useForm<DisassociateInput>({ resolver: validation.resolver, defaultValues: { reason: "" } });

  const onSubmit = form.handleSubmit((values) =>
    new Promise<void>((resolve) =>
      startTransition(async () => {
        setProblem(undefined);
        const result = await disassociateClaimAction(claimId, values);
        if (result.ok) {
          setOpen(false);
          router.refresh();
        } else {
          if (result.fieldErrors.reason) form.setError("reason", { type: "server", message: result.fieldErrors.reason });
          if (result.problem) setProblem(result.problem);
        }
        resolve();
      }),
    ),
  );

  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<PersonDelete20Regular />}>{t("disassociate")}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form noValidate onSubmit={onSubmit} aria-label={t("disassociateTitle")} onFocus={validation.preload}>
          <DialogBody>
            <DialogTitle>{t("disassociateTitle")}</DialogTitle>
            <DialogContent className={styles.content}>
              {t("disassociateBody", { tenant: tenantName })}
              <Field label={t("disassociateReason")} required hint={t("maxChars", { max: 2000 })} {...fieldError(form.formState.errors.reason)}>
                <Textarea {...form.register("reason")} rows={4} resize="vertical" maxLength={2000} />
              </Field>
              {problem ? (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{problem === "unavailable" ? te("unavailable") : t.has(`problems.${problem}`) ? t(`problems.${problem}`) : t("problems.notAllowed")}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t("disassociateCancel")}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={pending}>
                {t("disassociateConfirm")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
