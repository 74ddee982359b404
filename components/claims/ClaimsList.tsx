"use client";
// The Customer claims list: filters (a plain GET form, so it works without JavaScript), sortable
// columns, server-side pages, and the empty state that invites to Add customer.
import { claimStatuses } from "@/lib/claims/vocabulary";
import NextLink from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Button, Field, Input, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { Add20Regular, ArrowDownload20Regular, ArrowUpload20Regular, ArrowSortDown16Regular, ArrowSortUp16Regular } from "@fluentui/react-icons";
import { StatusBadge } from "./StatusBadge";
import { FilterSelect } from "../FilterSelect";

const useStyles = makeStyles({
  filters: { display: "flex", gap: "12px", alignItems: "flex-end", flexWrap: "wrap", marginBottom: "16px" },
  search: { minWidth: "280px" },
  tableWrap: { overflowX: "auto" },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  link: { color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightSemibold },
  sort: { color: "inherit", textDecoration: "none", display: "inline-flex", alignItems: "center", gap: "4px" },
  pager: { display: "flex", gap: "12px", alignItems: "center", marginTop: "12px" },
  empty: { padding: "32px", textAlign: "center", display: "flex", flexDirection: "column", gap: "12px", alignItems: "center", border: `1px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
});

export type ClaimListItem = {
  id: string;
  name: string;
  tenantId: string;
  solutionArea: string;
  partnerRole: string;
  partnerId: string;
  status: string;
  updatedAt: string;
  items: string[];
  subscriptionCount: number;
};

export type ClaimListState = { q: string; status: string; area: string; sort: string; direction: "asc" | "desc"; page: number; pageSize: number; total: number };

const statuses = claimStatuses;
const areas = ["MODERN_WORK_SECURITY", "BUSINESS_APPLICATIONS"];

export function ClaimsList({ rows, state }: { rows: ClaimListItem[]; state: ClaimListState }) {
  const styles = useStyles();
  const t = useTranslations("Claims");
  const tr = useTranslations();
  const format = useFormatter();
  const filtered = Boolean(state.q || state.status || state.area);

  const href = (changes: Partial<ClaimListState>) => {
    const next = { ...state, ...changes };
    const params = new URLSearchParams();
    if (next.q) params.set("q", next.q);
    if (next.status) params.set("status", next.status);
    if (next.area) params.set("area", next.area);
    if (next.sort !== "updatedAt" || next.direction !== "desc") {
      params.set("sort", next.sort);
      params.set("dir", next.direction);
    }
    if (next.page > 1) params.set("page", String(next.page));
    const query = params.toString();
    return query ? `/claims?${query}` : "/claims";
  };

  const sortHeader = (column: "name" | "status" | "updatedAt", label: string) => {
    const active = state.sort === column;
    const direction = active && state.direction === "asc" ? "desc" : "asc";
    return (
      <TableHeaderCell aria-sort={active ? (state.direction === "asc" ? "ascending" : "descending") : "none"}>
        <NextLink className={styles.sort} href={href({ sort: column, direction, page: 1 })} aria-label={t("sortBy", { column: label })}>
          {label}
          {active ? state.direction === "asc" ? <ArrowSortUp16Regular aria-hidden /> : <ArrowSortDown16Regular aria-hidden /> : null}
        </NextLink>
      </TableHeaderCell>
    );
  };

  // The exports take the list's filters and search (every page of them): plain CSV, or for Excel (with a BOM).
  const exportHref = `/claims/export${href({ page: 1 }).slice("/claims".length)}`;
  const addHref = `/claims/new${state.area ? `?area=${state.area}` : ""}`;
  const from = state.total === 0 ? 0 : (state.page - 1) * state.pageSize + 1;
  const to = Math.min(state.total, state.page * state.pageSize);

  return (
    <>
      <form method="get" action="/claims" className={styles.filters} role="search">
        <Field label={t("search")} className={styles.search}>
          <Input name="q" defaultValue={state.q} type="search" />
        </Field>
        <FilterSelect label={t("solutionArea")} name="area" value={state.area} anyLabel={t("allAreas")} options={areas.map((a) => ({ value: a, label: tr(`Areas.${a}`) }))} />
        <FilterSelect label={t("statusFilter")} name="status" value={state.status} anyLabel={t("allStatuses")} options={statuses.map((st) => ({ value: st, label: tr(`Status.${st}`) }))} />
        <Button type="submit">{t("apply")}</Button>
        {filtered ? (
          <NextLink href="/claims" className={styles.link}>
            {t("clear")}
          </NextLink>
        ) : null}
        <span style={{ flexGrow: 1 }} />
        <Button as="a" href={`${exportHref}${exportHref.includes("?") ? "&" : "?"}format=csv`} icon={<ArrowDownload20Regular />}>
          {t("exportCsv")}
        </Button>
        <Button as="a" href={exportHref} icon={<ArrowDownload20Regular />}>
          {t("exportExcel")}
        </Button>
        <Button as="a" href="/claims/import" icon={<ArrowUpload20Regular />}>
          {t("importCsv")}
        </Button>
        <Button as="a" href={addHref} appearance="primary" icon={<Add20Regular />}>
          {t("addCustomer")}
        </Button>
      </form>

      {rows.length === 0 ? (
        <div className={styles.empty}>
          <Text weight="semibold">{filtered ? t("emptyFiltered") : t("empty")}</Text>
          {!filtered ? <Text>{t("emptyInvite")}</Text> : null}
        </div>
      ) : (
        <div className={styles.tableWrap}>
          <Table aria-label={t("tableLabel")} size="small">
            <TableHeader>
              <TableRow>
                {sortHeader("name", t("columns.name"))}
                <TableHeaderCell>{t("columns.tenant")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.solutionArea")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.role")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.items")}</TableHeaderCell>
                <TableHeaderCell>{t("columns.partnerId")}</TableHeaderCell>
                {sortHeader("status", t("columns.status"))}
                {sortHeader("updatedAt", t("columns.updatedAt"))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>
                    <NextLink href={`/claims/${row.id}`} className={styles.link}>
                      {row.name}
                    </NextLink>
                  </TableCell>
                  <TableCell>
                    <span className={styles.mono}>{row.tenantId}</span>
                  </TableCell>
                  <TableCell>{tr(`Areas.${row.solutionArea}`)}</TableCell>
                  <TableCell>{tr(`Roles.${row.partnerRole}`)}</TableCell>
                  <TableCell>
                    {row.items.length > 2 ? t("itemsMore", { first: row.items.slice(0, 2).join(", "), count: row.items.length - 2 }) : row.items.join(", ")}
                    {row.subscriptionCount > 0 ? ` (${t("subscriptionsCount", { count: row.subscriptionCount })})` : ""}
                  </TableCell>
                  <TableCell>{row.partnerId}</TableCell>
                  <TableCell>
                    <StatusBadge status={row.status} />
                  </TableCell>
                  <TableCell>{format.dateTime(new Date(row.updatedAt), { dateStyle: "medium", timeStyle: "short" })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {state.total > 0 ? (
        <nav className={styles.pager} aria-label={t("pagination", { from, to, total: state.total })}>
          <Text>{t("pagination", { from, to, total: state.total })}</Text>
          {state.page > 1 ? <NextLink href={href({ page: state.page - 1 })}>{t("previous")}</NextLink> : null}
          {to < state.total ? <NextLink href={href({ page: state.page + 1 })}>{t("next")}</NextLink> : null}
        </nav>
      ) : null}
    </>
  );
}
