import { getTranslations } from "next-intl/server";
import { ImportClaims } from "@/components/claims/ImportClaims";
import { PageHeader } from "@/components/PageHeader";
import { requirePartnerAdmin } from "@/lib/auth/session";

export default async function ImportClaimsPage() {
  await requirePartnerAdmin();
  const t = await getTranslations("ClaimImport");
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <ImportClaims />
    </>
  );
}
