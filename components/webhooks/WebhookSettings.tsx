"use client";
// The organisation's webhook endpoints: the form to add one, the signing secret shown once (at creation
// and after "Rotate secret"), and per endpoint its actions (editing its URL, description and events
// among them) and delivery log.
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
  FieldContextProvider,
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
import { createEndpointAction, deleteEndpointAction, rotateSecretAction, sendTestEventAction, setEndpointEnabledAction, updateEndpointAction } from "@/lib/webhooks/actions";

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

  /** "Add endpoint": the form empties and the new endpoint's secret is shown once. */
  const add = (values: EndpointValues) =>
    new Promise<Answer>((resolve) =>
      startTransition(async () => {
        setProblem(undefined);
        setSecret(undefined);
        const answer = await createEndpointAction(values);
        if (answer.ok) {
          setSecret({ endpointId: answer.data.id, secret: answer.data.secret });
          router.refresh();
        } else if (answer.problem) setProblem(answer.problem);
        resolve(answer);
      }),
    );

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
        <EndpointForm title={t("addTitle")} submitLabel={t("add")} eventTypes={eventTypes} initial={{ url: "", description: "", events: [...eventTypes] }} pending={pending} onSubmit={add} clearOnSuccess />
      </Card>

      {endpoints.length === 0 ? <Text>{t("none")}</Text> : null}
      {endpoints.map((endpoint) => (
        <EndpointCard
          key={endpoint.id}
          endpoint={endpoint}
          eventTypes={eventTypes}
          pending={pending}
          run={run}
          onSecret={(value) => setSecret({ endpointId: endpoint.id, secret: value })}
        />
      ))}
    </div>
  );
}

type EndpointValues = { url: string; description: string; events: string[] };

/** The endpoint's fields (to add one, or to edit one), with each refusal at its field. */
function EndpointForm({
  title,
  submitLabel,
  eventTypes,
  initial,
  pending,
  onSubmit,
  onCancel,
  clearOnSuccess = false,
}: {
  title: string;
  submitLabel: string;
  eventTypes: string[];
  initial: EndpointValues;
  pending: boolean;
  onSubmit: (values: EndpointValues) => Promise<Answer>;
  onCancel?: () => void;
  clearOnSuccess?: boolean;
}) {
  const styles = useStyles();
  const t = useTranslations("Webhooks");
  const [url, setUrl] = useState(initial.url);
  const [description, setDescription] = useState(initial.description);
  const [events, setEvents] = useState<string[]>(initial.events);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const answer = await onSubmit({ url, description, events });
    setErrors(answer.ok ? {} : answer.fieldErrors);
    if (answer.ok && clearOnSuccess) {
      setUrl("");
      setDescription("");
    }
  };
  const fieldError = (name: string) => (errors[name] ? { validationState: "error" as const, validationMessage: t(`errors.${errors[name]}`) } : {});
  return (
    <form noValidate onSubmit={submit} aria-label={title} className={styles.events}>
      <Subtitle2 as="h2" className={styles.url}>
        {title}
      </Subtitle2>
      <Field label={t("url")} required hint={t("urlHint")} {...fieldError("url")}>
        <Input type="url" value={url} onChange={(_, data) => setUrl(data.value)} maxLength={2000} />
      </Field>
      <Field label={t("description")} hint={t("descriptionHint")} {...fieldError("description")}>
        <Input value={description} onChange={(_, data) => setDescription(data.value)} maxLength={200} />
      </Field>
      {/* Not `required`: the field would mark each checkbox as required; the hint says at least one. The
          checkboxes are outside the field's context: a field gives its one control its id and label, and
          four checkboxes sharing one id would all toggle the first. */}
      <Field label={t("events")} hint={t("eventsHint")} {...fieldError("events")}>
        <div role="group" aria-label={t("events")} className={styles.events}>
          <FieldContextProvider value={undefined}>
            {eventTypes.map((type) => (
              <Checkbox
                key={type}
                label={`${t(`eventNames.${type.replace(".", "_")}`)} (${type})`}
                checked={events.includes(type)}
                onChange={(_, data) => setEvents((current) => (data.checked ? [...current, type] : current.filter((e) => e !== type)))}
              />
            ))}
          </FieldContextProvider>
        </div>
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={pending}>
          {submitLabel}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t("cancel")}</Button> : null}
      </div>
    </form>
  );
}

function EndpointCard({
  endpoint,
  eventTypes,
  pending,
  run,
  onSecret,
}: {
  endpoint: EndpointView;
  eventTypes: string[];
  pending: boolean;
  run: (work: () => Promise<Answer>, onDone?: (answer: Answer & { ok: true }) => void) => void;
  onSecret: (secret: string) => void;
}) {
  const styles = useStyles();
  const t = useTranslations("Webhooks");
  const format = useFormatter();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  /** "Save": the form stays open with the refusals at their fields, or closes and says the secret is unchanged. */
  const save = (values: EndpointValues) =>
    new Promise<Answer>((resolve) =>
      run(
        async () => {
          const answer = await updateEndpointAction(endpoint.id, values);
          resolve(answer);
          return answer;
        },
        () => {
          setEditing(false);
          setSaved(true);
        },
      ),
    );
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
      {saved ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t("saved")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editing ? (
        <EndpointForm
          title={t("editTitle", { url: endpoint.url })}
          submitLabel={t("save")}
          eventTypes={eventTypes}
          initial={{ url: endpoint.url, description: endpoint.description, events: endpoint.events }}
          pending={pending}
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      <div className={styles.actions}>
        <Button
          disabled={pending || editing}
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {t("edit")}
        </Button>
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
