"use client";
// The API tokens page: create a token (name, lifetime), see its secret once with a copy button, and the
// organisation's tokens with their status and a Revoke button (confirmed in a dialog).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens as theme,
} from "@fluentui/react-components";
import { useHydrated } from "@/components/hooks/useHydrated";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api/actions";

export type TokenItem = { id: string; name: string; hint: string; status: "active" | "expired" | "revoked"; createdAt: string; expiresAt: string; lastUsedAt: string | null };

const EXPIRY_DAYS = [30, 90, 180, 365] as const;

const useStyles = makeStyles({
  section: { marginBottom: "20px", maxWidth: "960px", display: "flex", flexDirection: "column", gap: "12px", padding: "16px", border: `1px solid ${theme.colorNeutralStroke2}`, borderRadius: theme.borderRadiusMedium },
  row: { display: "flex", gap: "12px", alignItems: "flex-end", flexWrap: "wrap" },
  name: { minWidth: "280px", flexGrow: 1 },
  secret: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  code: { fontFamily: theme.fontFamilyMonospace, wordBreak: "break-all", padding: "6px 8px", backgroundColor: theme.colorNeutralBackground3, borderRadius: theme.borderRadiusMedium },
  muted: { color: theme.colorNeutralForeground2 },
  docs: { display: "block", margin: "0 0 12px" },
  banner: { maxWidth: "960px", marginBottom: "16px" },
  created: { display: "flex", flexDirection: "column", gap: "8px", padding: "4px 0" },
});

const statusColor = { active: "success", expired: "warning", revoked: "danger" } as const;

export function TokensPage({ tokens }: { tokens: TokenItem[] }) {
  const styles = useStyles();
  const t = useTranslations("Api.tokens");
  const tv = useTranslations("Validation");
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<TokenItem | null>(null);
  const [notice, setNotice] = useState<string>();
  const hydrated = useHydrated();

  const message = (key: string | undefined) => (key ? (tv.has(key) ? tv(key) : key) : undefined);
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("never"));

  const create = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setProblem(undefined);
      setNotice(undefined);
      const result = await createApiTokenAction({ name, expiresInDays: Number(days) });
      if (result.ok) {
        setErrors({});
        setCreated({ name: name.trim(), secret: result.data.secret });
        setCopied(false);
        setName("");
        router.refresh();
      } else {
        setErrors(result.fieldErrors);
        if (result.problem && result.problem !== "invalidRequest") setProblem(result.problem);
      }
    });
  };

  const revoke = (token: TokenItem) =>
    startTransition(async () => {
      const result = await revokeApiTokenAction(token.id);
      setRevoking(null);
      if (result.ok) setNotice(t("revoked", { name: token.name }));
      else setProblem(result.problem);
      router.refresh();
    });

  const copy = async () => {
    if (!created) return;
    await navigator.clipboard?.writeText(created.secret).catch(() => undefined);
    setCopied(true);
  };

  return (
    <div data-ready={hydrated || undefined}>
      <Text as="p" className={styles.docs}>
        <Link as="a" href="/developers" data-testid="api-docs-link">
          {t("docsLink")}
        </Link>
      </Text>
      {created ? (
        <MessageBar intent="success" layout="multiline" className={styles.banner} data-testid="token-created">
          <MessageBarBody className={styles.created}>
            <MessageBarTitle>{t("createdHeading")}</MessageBarTitle>
            <Text>{t("createdLead")}</Text>
            <Text weight="semibold">{t("secretLabel", { name: created.name })}</Text>
            <div className={styles.secret}>
              <code className={styles.code} data-testid="token-secret">
                {created.secret}
              </code>
              <Button onClick={copy} aria-live="polite">
                {copied ? t("copied") : t("copy")}
              </Button>
              <Button appearance="primary" onClick={() => setCreated(null)}>
                {t("done")}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {notice ? (
        <MessageBar intent="info" role="status" className={styles.banner}>
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {problem ? (
        <MessageBar intent="error" role="alert" className={styles.banner}>
          <MessageBarBody>{problem === "unavailable" ? t("unavailable") : t("notFound")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <section className={styles.section} aria-labelledby="create-token-heading">
        <Subtitle2 as="h2" id="create-token-heading">
          {t("createHeading")}
        </Subtitle2>
        <form className={styles.row} onSubmit={create} noValidate aria-labelledby="create-token-heading">
          <Field className={styles.name} label={t("name")} hint={t("nameHint")} required validationMessage={message(errors.name)} validationState={errors.name ? "error" : "none"}>
            <Input value={name} onChange={(_, data) => setName(data.value)} maxLength={100} />
          </Field>
          <Field label={t("expiry")} validationMessage={message(errors.expiresInDays)} validationState={errors.expiresInDays ? "error" : "none"}>
            <Select value={days} onChange={(_, data) => setDays(data.value)}>
              {EXPIRY_DAYS.map((count) => (
                <option key={count} value={String(count)}>
                  {t("days", { count })}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" appearance="primary" disabled={pending}>
            {t("create")}
          </Button>
        </form>
      </section>
      <section className={styles.section} aria-labelledby="tokens-heading">
        <Subtitle2 as="h2" id="tokens-heading">
          {t("listHeading")}
        </Subtitle2>
        {tokens.length === 0 ? (
          <Text className={styles.muted}>{t("empty")}</Text>
        ) : (
          <Table aria-labelledby="tokens-heading" data-testid="tokens-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("colName")}</TableHeaderCell>
                <TableHeaderCell>{t("colCreated")}</TableHeaderCell>
                <TableHeaderCell>{t("colExpires")}</TableHeaderCell>
                <TableHeaderCell>{t("colLastUsed")}</TableHeaderCell>
                <TableHeaderCell>{t("colStatus")}</TableHeaderCell>
                <TableHeaderCell>{t("colActions")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.map((token) => (
                <TableRow key={token.id} data-testid="token-row">
                  <TableCell>
                    {token.name} <span className={styles.muted}>(cpor_pat_{token.hint}…)</span>
                  </TableCell>
                  <TableCell>{when(token.createdAt)}</TableCell>
                  <TableCell>{when(token.expiresAt)}</TableCell>
                  <TableCell>{when(token.lastUsedAt)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={statusColor[token.status]}>
                      {t(`status_${token.status}`)}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    {token.status === "active" ? (
                      <Button size="small" aria-label={t("revokeLabel", { name: token.name })} onClick={() => setRevoking(token)}>
                        {t("revoke")}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <Dialog open={revoking !== null} onOpenChange={(_, data) => (data.open ? undefined : setRevoking(null))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("revoke")}</DialogTitle>
            <DialogContent>{revoking ? t("revokeConfirm", { name: revoking.name }) : null}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setRevoking(null)}>
                {t("cancel")}
              </Button>
              <Button appearance="primary" disabled={pending} onClick={() => revoking && revoke(revoking)}>
                {t("revoke")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
