import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { TokensPage } from "@/components/api/TokensPage";
import { listApiTokens } from "@/lib/api/tokens";
import { requirePartnerAdmin } from "@/lib/auth/session";

export default async function ApiTokensPage() {
  const viewer = await requirePartnerAdmin();
  const t = await getTranslations("Api.tokens");
  const tokens = await listApiTokens(viewer);
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro", { organization: viewer.organization.name })} />
      <TokensPage
        tokens={tokens.map((token) => ({
          id: token.id,
          name: token.name,
          hint: token.hint,
          status: token.status,
          createdAt: token.createdAt.toISOString(),
          expiresAt: token.expiresAt.toISOString(),
          lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
