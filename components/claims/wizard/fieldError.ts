"use client";
// Turns a form error (a "Validation.*" key) into the message shown at the field.
import { useTranslations } from "next-intl";
import type { FieldError } from "react-hook-form";

export function useFieldError() {
  const t = useTranslations("Validation");
  return (error?: Pick<FieldError, "message"> | { message?: string }) => {
    if (!error?.message) return {};
    const message = t.has(error.message) ? t(error.message) : error.message;
    return { validationMessage: message, validationState: "error" as const };
  };
}
