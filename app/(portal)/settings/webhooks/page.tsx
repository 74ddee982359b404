import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { WebhookSettings } from "@/components/webhooks/WebhookSettings";
import { requirePartnerAdmin } from "@/lib/auth/session";
import { webhooksPageView } from "@/lib/webhooks/endpoints";
import { webhookEventTypes } from "@/lib/webhooks/events";

export default async function WebhooksPage() {
  const viewer = await requirePartnerAdmin();
  const t = await getTranslations("Webhooks");
  const endpoints = await webhooksPageView(viewer);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <WebhookSettings endpoints={endpoints} eventTypes={[...webhookEventTypes]} />
    </>
  );
}
