// The API's errors as RFC 9457 problem details (application/problem+json): a type URI on the reference
// page, a title and detail in the request's language (English, or Japanese for Accept-Language: ja),
// the status, the request's path as the instance, and `errors: [{ field, message }]` for input.
import "server-only";
import { createTranslator } from "next-intl";
import { env } from "../env";
import en from "../../messages/en.json";
import ja from "../../messages/ja.json";
import type { Locale } from "../i18n/locales";
import type { FieldErrors, Refused } from "../result";
import { problemStatus, type ProblemCode } from "./problem-codes";

export { problemCodes, problemStatus, type ProblemCode } from "./problem-codes";

/** A refusal the route handlers throw; the API's frame (lib/api/route.ts) answers it as problem details. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly fieldErrors: FieldErrors = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

const isProblemCode = (code: string): code is ProblemCode => code in problemStatus;

/** A domain function's refusal as the API's problem: field errors alone are a validation problem. */
export function problemOf(result: Refused<string, unknown>): ApiProblem {
  const code = result.problem;
  if (!code) return new ApiProblem("validation", result.fieldErrors);
  if (code === "invalidRequest" && Object.keys(result.fieldErrors).length > 0) return new ApiProblem("validation", result.fieldErrors);
  return new ApiProblem(isProblemCode(code) ? code : "invalidRequest", result.fieldErrors);
}

/** Where each problem type is explained (the reference page's section). */
export const problemType = (code: ProblemCode) => `${env().APP_URL}/developers#problem-${code}`;

const translators = (locale: Locale) => {
  const messages = locale === "ja" ? ja : en;
  const quiet = { onError: () => {}, getMessageFallback: ({ key }: { key: string }) => key };
  return {
    problems: createTranslator({ locale, messages, namespace: "Api.problems", ...quiet }),
    validation: createTranslator({ locale, messages, namespace: "Validation", ...quiet }),
  };
};

/** The problem's body in the language asked for. */
export function problemBody(problem: ApiProblem, { locale, instance }: { locale: Locale; instance: string }) {
  const t = translators(locale);
  const body: Record<string, unknown> = {
    type: problemType(problem.code),
    title: t.problems(`${problem.code}.title` as never),
    status: problemStatus[problem.code],
    detail: t.problems(`${problem.code}.detail` as never),
    instance,
  };
  const fields = Object.entries(problem.fieldErrors);
  if (fields.length > 0) body.errors = fields.map(([field, key]) => ({ field, message: t.validation(key as never) }));
  return body;
}

export function problemResponse(problem: ApiProblem, { locale, instance, headers = {} }: { locale: Locale; instance: string; headers?: Record<string, string> }) {
  return new Response(JSON.stringify(problemBody(problem, { locale, instance })), {
    status: problemStatus[problem.code],
    headers: { "content-type": "application/problem+json", "content-language": locale, "cache-control": "no-store", ...headers, ...problem.headers },
  });
}
