"use client";
// The validation queue: views by status, filters (a plain GET form), keyset pages, each claim's age
// against its timer, conflicts and who has the claim; the CSV export of the same filters.
import { awaitingStatuses, reviewStatuses } from "@/lib/claims/vocabulary";
import NextLink from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, DataPie20Regular, Warning16Filled } from "@fluentui/react-icons";
import { StatusBadge } from "@/components/claims/StatusBadge";
import { FilterSelect } from "@/components/FilterSelect";
import { useHydrated } from "@/components/hooks/useHydrated";
import type { QueueQuery } from "@/lib/review/queue";

const useStyles = makeStyles({
  views: { display: "flex", gap: "4px", flexWrap: "wrap", margin: "0 0 12px", padding: 0, listStyle: "none" },
  view: {
    display: "inline-block",
    padding: "6px 12px",
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecoration: "none",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  viewActive: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, fontWeight: tokens.fontWeightSemibold },
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(170px, 1fr))", gap: "12px 16px", alignItems: "end", marginBottom: "12px" },
  search: { gridColumn: "span 2" },
  formActions: { gridColumn: "1 / -1", display: "flex", gap: "16px", alignItems: "center", flexWrap: "wrap" },
  toolbar: { display: "flex", gap: "12px", alignItems: "center", marginBottom: "8px", flexWrap: "wrap" },
  tableWrap: { overflowX: "auto" },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  link: { color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightSemibold },
  cellStack: { display: "flex", flexDirection: "column", gap: "2px" },
  overdueRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold, display: "inline-flex", gap: "4px", alignItems: "center" },
  pager: { display: "flex", gap: "16px", alignItems: "center", marginTop: "12px" },
  empty: { padding: "32px", textAlign: "center", border: `1px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type ReviewQueueRow = {
  id: string;
  name: string;
  tenantId: string;
  solutionArea: string;
  partnerRole: string;
  partnerId: string;
  organizationName: string;
  status: string;
  customerResponse: string;
  submittedAt: string;
  daysInStatus: number;
  timerDays: number | null;
  dueAt: string | null;
  overdue: boolean;
  hasConflict: boolean;
  assignedToId: string | null;
  assignedToName: string | null;
};

// Awaiting a decision first, then each status (those awaiting one first), then all.
const views = ["awaiting", ...awaitingStatuses, ...reviewStatuses.filter((s) => !(awaitingStatuses as readonly string[]).includes(s)), "all"] as const;
const areas = ["MODERN_WORK_SECURITY", "BUSINESS_APPLICATIONS"];
const roles = ["BUILD_INTENT_ADVISOR", "USAGE_RECOGNITION", "INFLUENCED_REVENUE", "USE_OR_CONSUME"];
const responses = ["NONE", "APPROVED", "DECLINED"];
const filterKeys = ["area", "role", "org", "partner", "response", "from", "to", "conflict", "overdue", "assignee", "q"] as const;

/** The URL of the queue with `query` changed; the page cursors are dropped unless given. */
export function queueHref(query: QueueQuery, changes: Partial<QueueQuery>, base = "/review") {
  const next: Partial<QueueQuery> = { ...query, after: undefined, before: undefined, ...changes };
  const params = new URLSearchParams();
  if (next.view && next.view !== "awaiting") params.set("view", next.view);
  for (const key of filterKeys) if (next[key]) params.set(key, String(next[key]));
  if (next.sort && next.sort !== "submitted") params.set("sort", next.sort);
  if (next.dir && next.dir !== "asc") params.set("dir", next.dir);
  if (next.after) params.set("after", next.after);
  if (next.before) params.set("before", next.before);
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

export function ReviewQueue({
  rows,
  query,
  total,
  organizations,
  next,
  previous,
  viewerId,
  shortSearch = false,
}: {
  rows: ReviewQueueRow[];
  query: QueueQuery;
  total: { count: number; capped: boolean };
  organizations: { id: string; name: string }[];
  next?: string;
  previous?: string;
  viewerId: string;
  /** The search was too short to search claim names. */
  shortSearch?: boolean;
}) {
  const styles = useStyles();
  const t = useTranslations("Review");
  const tr = useTranslations();
  const format = useFormatter();
  const hydrated = useHydrated();
  const filtered = filterKeys.some((key) => query[key]);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });

  return (
    <div data-ready={hydrated || undefined}>
      <nav aria-label={t("viewsLabel")}>
        <ul className={styles.views}>
          {views.map((view) => (
            <li key={view}>
              <NextLink
                href={queueHref(query, { view })}
                className={mergeClasses(styles.view, query.view === view && styles.viewActive)}
                aria-current={query.view === view ? "page" : undefined}
              >
                {view === "awaiting" ? t("views.awaiting") : view === "all" ? t("views.all") : tr(`Status.${view}`)}
              </NextLink>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action="/review" className={styles.filters} role="search" aria-label={t("filtersLabel")}>
        {query.view !== "awaiting" ? <input type="hidden" name="view" value={query.view} /> : null}
        <Field
          label={t("search")}
          className={styles.search}
          hint={shortSearch ? undefined : t("searchNameRun")}
          validationState={shortSearch ? "warning" : undefined}
          validationMessage={shortSearch ? t("searchTooShortForNames") : undefined}
        >
          <Input name="q" defaultValue={query.q ?? ""} type="search" placeholder={t("searchHint")} />
        </Field>
        <FilterSelect label={t("solutionArea")} name="area" value={query.area} anyLabel={t("any")} options={areas.map((a) => ({ value: a, label: tr(`Areas.${a}`) }))} />
        <FilterSelect label={t("partnerRole")} name="role" value={query.role} anyLabel={t("any")} options={roles.map((r) => ({ value: r, label: tr(`Roles.${r}`) }))} />
        <FilterSelect label={t("organization")} name="org" value={query.org} anyLabel={t("any")} options={organizations.map((o) => ({ value: o.id, label: o.name }))} />
        <Field label={t("partnerId")}>
          <Input name="partner" defaultValue={query.partner ?? ""} />
        </Field>
        <FilterSelect label={t("customerResponse")} name="response" value={query.response} anyLabel={t("any")} options={responses.map((r) => ({ value: r, label: t(`responses.${r}`) }))} />
        <Field label={t("submittedFrom")}>
          <Input name="from" type="date" defaultValue={query.from ?? ""} />
        </Field>
        <Field label={t("submittedTo")}>
          <Input name="to" type="date" defaultValue={query.to ?? ""} />
        </Field>
        <FilterSelect label={t("assignee")} name="assignee" value={query.assignee} anyLabel={t("anyone")} options={[{ value: "me", label: t("assignedToMe") }, { value: "none", label: t("unassigned") }]} />
        <FilterSelect label={t("sort")} name="sort" value={query.sort} options={[{ value: "submitted", label: t("sorts.submitted") }, { value: "age", label: t("sorts.age") }]} />
        <FilterSelect label={t("order")} name="dir" value={query.dir} options={[{ value: "asc", label: t("orders.asc") }, { value: "desc", label: t("orders.desc") }]} />
        <div className={styles.formActions}>
          <Checkbox name="conflict" value="1" defaultChecked={Boolean(query.conflict)} label={t("conflictOnly")} />
          <Checkbox name="overdue" value="1" defaultChecked={Boolean(query.overdue)} label={t("overdueOnly")} />
          <Button type="submit" appearance="primary">
            {t("apply")}
          </Button>
          {filtered ? (
            <NextLink href={queueHref(query, Object.fromEntries(filterKeys.map((k) => [k, undefined])))} className={styles.link}>
              {t("clear")}
            </NextLink>
          ) : null}
        </div>
      </form>

      <div className={styles.toolbar}>
        <Text weight="semibold" role="status">
          {total.capped ? t("countCapped", { count: total.count }) : t("count", { count: total.count })}
        </Text>
        <span style={{ flexGrow: 1 }} />
        <Button as="a" href={queueHref(query, {}, "/review/export")} icon={<ArrowDownload20Regular />} download>
          {t("export")}
        </Button>
        <Button as="a" href="/review/dashboard" icon={<DataPie20Regular />}>
          {t("dashboardLink")}
        </Button>
      </div>

      {rows.length === 0 ? (
        <div className={styles.empty}>
          <Text weight="semibold">{filtered ? t("emptyFiltered") : t("empty")}</Text>
        </div>
      ) : (
        <div className={styles.tableWrap}>
          <Table aria-label={t("tableLabel")} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("columns.claim")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.partner")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.areaRole")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.customer")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.submitted")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.age")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.assignedTo")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} className={row.overdue ? styles.overdueRow : undefined} data-testid="queue-row">
                  <TableCell>
                    <div className={styles.cellStack}>
                      <NextLink href={`/review/claims/${row.id}`} className={styles.link}>
                        {row.name}
                      </NextLink>
                      <span className={styles.mono}>{row.tenantId}</span>
                      {row.hasConflict ? (
                        <Badge appearance="tint" color="warning" size="small">
                          {t("conflict")}
                        </Badge>
                      ) : null}
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.cellStack}>
                      <Text>{row.organizationName}</Text>
                      <Text size={200} className={styles.muted}>
                        {t("partnerIdValue", { partnerId: row.partnerId })}
                      </Text>
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.cellStack}>
                      <Text>{tr(`Areas.${row.solutionArea}`)}</Text>
                      <Text size={200} className={styles.muted}>
                        {tr(`Roles.${row.partnerRole}`)}
                      </Text>
                    </div>
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={row.status} />
                  </TableCell>
                  <TableCell>{t(`responses.${row.customerResponse}`)}</TableCell>
                  <TableCell>{date(row.submittedAt)}</TableCell>
                  <TableCell>
                    {row.timerDays !== null ? (
                      row.overdue ? (
                        <span className={styles.overdue}>
                          <Warning16Filled aria-hidden />
                          {t("overdue", { days: row.daysInStatus, limit: row.timerDays })}
                        </span>
                      ) : (
                        <span title={row.dueAt ? t("dueOn", { date: new Date(row.dueAt) }) : undefined}>{t("age", { days: row.daysInStatus, limit: row.timerDays })}</span>
                      )
                    ) : (
                      <span className={styles.muted}>{t("ageNoTimer", { days: row.daysInStatus })}</span>
                    )}
                  </TableCell>
                  <TableCell>{row.assignedToId ? (row.assignedToId === viewerId ? t("you") : row.assignedToName) : <span className={styles.muted}>{t("nobody")}</span>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {previous || next || query.after || query.before ? (
        <nav className={styles.pager} aria-label={t("pagesLabel")}>
          <NextLink href={queueHref(query, {})}>{t("firstPage")}</NextLink>
          {previous ? <NextLink href={queueHref(query, { before: previous })}>{t("previous")}</NextLink> : null}
          {next ? <NextLink href={queueHref(query, { after: next })}>{t("next")}</NextLink> : null}
        </nav>
      ) : null}
    </div>
  );
}
