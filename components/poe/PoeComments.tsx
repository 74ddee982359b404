"use client";
// The partner's optional comments for the reviewer, saved on their own.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Field, makeStyles, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import { useFieldError } from "@/components/claims/wizard/fieldError";
import { saveCommentsAction } from "@/lib/poe/actions";
import { resolverOnDemand } from "@/components/forms/resolverOnDemand";
import { SaveBar } from "./SaveBar";

const validation = resolverOnDemand(() => import("@/lib/poe/fields").then((m) => m.commentsFormSchema));

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: "12px" } });

export function PoeComments({ claimId, comments }: { claimId: string; comments: string }) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  const fieldError = useFieldError();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const te = useTranslations("Errors");
  const form = useForm<{ comments: string }>({ resolver: validation.resolver, defaultValues: { comments } });
  const onSubmit = form.handleSubmit((values) =>
    new Promise<void>((resolve) =>
      startTransition(async () => {
        setSaved(false);
        const result = await saveCommentsAction(claimId, values);
        setUnavailable(!result.ok && result.problem === "unavailable");
        if (result.ok) {
          setSaved(true);
          router.refresh();
        } else if (result.fieldErrors.comments) form.setError("comments", { type: "server", message: result.fieldErrors.comments });
        resolve();
      }),
    ),
  );
  return (
    <form className={styles.form} noValidate onSubmit={onSubmit} aria-label={t("commentsHeading")} onFocus={validation.preload}>
      <Field label={t("comments")} {...fieldError(form.formState.errors.comments)}>
        <Textarea {...form.register("comments")} rows={3} resize="vertical" />
      </Field>
      {unavailable ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{te("unavailable")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <SaveBar label={t("saveComments")} pending={pending} saved={saved} />
    </form>
  );
}
