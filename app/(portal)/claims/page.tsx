import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { requirePartnerAdmin } from "@/lib/auth/session";

export default async function ClaimsPage() {
  const viewer = await requirePartnerAdmin();
  const t = await getTranslations("Claims");
  const ids = viewer.organization.locations.map((l) => (l.city ? `${l.partnerId} (${l.city})` : l.partnerId)).join(", ");
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <p>{t("organizationLocations", { ids })}</p>
      <p>{t("empty")}</p>
    </>
  );
}
