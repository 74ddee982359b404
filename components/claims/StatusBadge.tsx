"use client";
// A claim's status as a coloured badge with the status name (never colour alone).
import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@fluentui/react-components";

const colors: Record<string, BadgeProps["color"]> = {
  DRAFT: "informative",
  SUBMITTED: "brand",
  UNDER_REVIEW: "brand",
  PARTNER_ACTION_REQUIRED: "warning",
  APPROVED: "success",
  REJECTED: "danger",
  DISPUTE: "warning",
  REJECTED_FINAL: "danger",
};

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("Status");
  return (
    <Badge appearance="tint" color={colors[status] ?? "informative"} data-testid="claim-status">
      {t(status)}
    </Badge>
  );
}
