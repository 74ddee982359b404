"use client";
// Page title and lead text, the same on every page.
import type { ReactNode } from "react";
import { makeStyles, Text, Title2, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-start", gap: "16px", marginBottom: "20px" },
  text: { display: "flex", flexDirection: "column", gap: "6px", flexGrow: 1, maxWidth: "880px" },
  lead: { color: tokens.colorNeutralForeground2 },
});

export function PageHeader({ title, lead, actions }: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.text}>
        <Title2 as="h1">{title}</Title2>
        {lead ? <Text className={styles.lead}>{lead}</Text> : null}
      </div>
      {actions}
    </div>
  );
}
