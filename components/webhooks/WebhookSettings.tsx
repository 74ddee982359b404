"use client";
// The organisation's webhook endpoints: the form to add one, the signing secret shown once (at creation
// and after "Rotate secret"), and per endpoint its actions and delivery log.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useHydrated } from "@/components/hooks/useHydrated";
import type { EndpointView } from "@/lib/webhooks/endpoints";
import { createEndpointAction, deleteEndpointAction, rotateSecretAction, sendTestEventAction, setEndpointEnabledAction } from "@/lib/webhooks/actions";

const useStyles = makeStyles({
  notice: { marginBottom: "16px" },
  form: { padding: "16px", marginBottom: "24px", display: "flex", flexDirection: "column", gap: "12px", maxWidth: "720px" },
  events: { display: "flex", flexDirection: "column" },
  endpoint: { padding: "16px", marginBottom: "16px", display: "flex", flexDirection: "column", gap: "8px" },
  head: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  url: { wordBreak: "break-all" },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  secret: { fontFamily: tokens.fontFamilyMonospace, width: "100%" },
  log: { overflowX: "auto" },
});

type Answer = { ok: true; data?: unknown } | { ok: false; fieldErrors: Record<string, string>; problem?: string };

export function WebhookSettings({ endpoints, eventTypes }: { endpoints: EndpointView[]; eventTypes: string[] }) {
  const styles = useStyles();
  const t = useTranslations("Webhooks");
  const te = useTranslations("Errors");
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>([...eventTypes]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [secret, setSecret] = useState<{ endpointId: string; secret: string }>();

  const problemText = (code: string) => (code === "unavailable" ? te("unavailable") : t(`errors.${code === "notFound" ? "notFound" : "invalidRequest"}`));
  const run = (work: () => Promise<Answer>, onDone?: (answer: Answer & { ok: true }) => void) =>
    startTransition(async () => {
      setProblem(undefined);
      const answer = await work();
      if (answer.ok) {
        onDone?.(answer);
        router.refresh();
      } else if (answer.problem) setProblem(answer.problem);
    });

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setProblem(undefined);
      setSecret(undefined);
      const answer = await createEndpointAction({ url, description, events });
      if (answer.ok) {
        setErrors({});
        setUrl("");
        setDescription("");
        setSecret({ endpointId: answer.data.id, secret: answer.data.secret });
        router.refresh();
      } else {
        setErrors(answer.fieldErrors);
        if (answer.problem) setProblem(answer.problem);
      }
    });
  };
  const fieldError = (name: string) => (errors[name] ? { validationState: "error" as const, validationMessage: t(`errors.${errors[name]}`) } : {});

  return (
    <div data-ready={hydrated || undefined}>
      {problem ? (
        <MessageBar intent="error" role="alert" className={styles.notice}>
          <MessageBarBody>{problemText(problem)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {secret ? (
        <MessageBar intent="success" layout="multiline" data-testid="webhook-secret" className={styles.notice}>
          <MessageBarBody>
            <MessageBarTitle>{t("secretTitle")}</MessageBarTitle>
            {t("secretOnce")}
            <Input className={styles.secret} readOnly value={secret.secret} aria-label={t("secretLabel")} onFocus={(e) => e.currentTarget.select()} />
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <Card className={styles.form}>
        <form noValidate onSubmit={add} aria-label={t("addTitle")} className={styles.events}>
          <Subtitle2 as="h2">{t("addTitle")}</Subtitle2>
          <Field label={t("url")} required hint={t("urlHint")} {...fieldError("url")}>
            <Input type="url" value={url} onChange={(_, data) => setUrl(data.value)} maxLength={2000} />
          </Field>
          <Field label={t("description")} hint={t("descriptionHint")} {...fieldError("description")}>
            <Input value={description} onChange={(_, data) => setDescription(data.value)} maxLength={200} />
          </Field>
          {/* Not `required`: the field would mark each checkbox as required; the hint says at least one. */}
          <Field label={t("events")} hint={t("eventsHint")} {...fieldError("events")}>
            <div role="group" aria-label={t("events")} className={styles.events}>
              {eventTypes.map((type) => (
                <Checkbox
                  key={type}
                  label={`${t(`eventNames.${type.replace(".", "_")}`)} (${type})`}
                  checked={events.includes(type)}
                  onChange={(_, data) => setEvents((current) => (data.checked ? [...current, type] : current.filter((e) => e !== type)))}
                />
              ))}
            </div>
          </Field>
          <div>
            <Button type="submit" appearance="primary" disabled={pending}>
              {t("add")}
            </Button>
          </div>
        </form>
      </Card>

      {endpoints.length === 0 ? <Text>{t("none")}</Text> : null}
      {endpoints.map((endpoint) => (
        <EndpointCard key={endpoint.id} endpoint={endpoint} pending={pending} run={run} onSecret={(value) => setSecret({ endpointId: endpoint.id, secret: value })} />
      ))}
    </div>
  );
}

function EndpointCard({ endpoint, pending, run, onSecret }: { endpoint: EndpointView; pending: boolean; run: (work: () => Promise<Answer>, onDone?: (answer: Answer & { ok: true }) => void) => void; onSecret: (secret: string) => void }) {
  const styles = useStyles();
  const t = useTranslations("Webhooks");
  const format = useFormatter();
  const router = useRouter();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC" : "—");
  return (
    <Card className={styles.endpoint} data-testid="webhook-endpoint">
      <div className={styles.head}>
        <Subtitle2 as="h2" className={styles.url}>
          {endpoint.url}
        </Subtitle2>
        <Badge appearance="tint" color={endpoint.enabled ? "success" : "subtle"}>
          {endpoint.enabled ? t("enabled") : t("disabled")}
        </Badge>
      </div>
      {endpoint.description ? <Text>{endpoint.description}</Text> : null}
      <Text className={styles.meta}>{t("subscribed", { events: endpoint.events.join(", ") })}</Text>
      <div className={styles.actions}>
        <Button disabled={pending} onClick={() => run(() => sendTestEventAction(endpoint.id))}>
          {t("sendTest")}
        </Button>
        <Button disabled={pending} onClick={() => run(() => setEndpointEnabledAction(endpoint.id, !endpoint.enabled))}>
          {endpoint.enabled ? t("disable") : t("enable")}
        </Button>
        <Button disabled={pending} onClick={() => run(() => rotateSecretAction(endpoint.id), (answer) => onSecret((answer.data as { secret: string }).secret))}>
          {t("rotate")}
        </Button>
        <Dialog>
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={pending}>{t("delete")}</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t("deleteTitle")}</DialogTitle>
              <DialogContent>{t("deleteBody", { url: endpoint.url })}</DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button>{t("cancel")}</Button>
                </DialogTrigger>
                <Button appearance="primary" onClick={() => run(() => deleteEndpointAction(endpoint.id))}>
                  {t("delete")}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        <Button appearance="subtle" onClick={() => router.refresh()}>
          {t("refresh")}
        </Button>
      </div>
      <Subtitle2 as="h3">{t("log")}</Subtitle2>
      {endpoint.log.length === 0 ? (
        <Text>{t("noDeliveries")}</Text>
      ) : (
        <div className={styles.log}>
          <Table size="small" aria-label={t("logOf", { url: endpoint.url })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("event")}</TableHeaderCell>
                <TableHeaderCell>{t("claim")}</TableHeaderCell>
                <TableHeaderCell>{t("time")}</TableHeaderCell>
                <TableHeaderCell>{t("attempts")}</TableHeaderCell>
                <TableHeaderCell>{t("result")}</TableHeaderCell>
                <TableHeaderCell>{t("nextRetry")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {endpoint.log.map((entry) => (
                <TableRow key={entry.id} data-testid="webhook-delivery">
                  <TableCell>{entry.eventType}</TableCell>
                  <TableCell>{entry.claimId ? <a href={`/claims/${entry.claimId}`}>{entry.claimId}</a> : "—"}</TableCell>
                  <TableCell>{when(entry.lastAttemptAt ?? entry.createdAt)}</TableCell>
                  <TableCell>{entry.attempts}</TableCell>
                  <TableCell>
                    {t(`statuses.${entry.status}`)}
                    {entry.statusCode !== null ? ` · HTTP ${entry.statusCode}` : ""}
                    {entry.error && entry.statusCode === null ? ` · ${entry.error}` : ""}
                  </TableCell>
                  <TableCell>{when(entry.nextRetryAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </Card>
  );
}
