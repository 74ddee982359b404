"use client";
// What a page shows when it fails on the server (the database unreachable, or a fault of ours): the
// portal's own message and a way to try again, inside the portal's frame (app/error.tsx loads it).
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@fluentui/react-components";

export function PageErrorView({ reset }: { reset: () => void }) {
  const t = useTranslations("Errors");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <main style={{ padding: "48px", maxWidth: 640 }}>
      <h1>{t("title")}</h1>
      <p role="alert">{t("generic")}</p>
      <Button
        appearance="primary"
        disabled={pending}
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
      >
        {t("retry")}
      </Button>
    </main>
  );
}
