// The API's reference, server-rendered from the OpenAPI document (lib/api/openapi.ts): authentication,
// rate limits, the problem types (each with the anchor its `type` URI points at), and every operation
// with its parameters, body fields and answers. Public, like the document itself; no client script. In
// the reader's language (English or Japanese); the operations' own descriptions are the document's (English).
import type { ReactNode } from "react";
import { getMessages, getTranslations } from "next-intl/server";
import { openApiDocument } from "@/lib/api/openapi";
import { problemCodes, problemStatus } from "@/lib/api/problem-codes";
import { env } from "@/lib/env";

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; description?: string; format?: string; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; pattern?: string; default?: unknown };
type Operation = { summary?: string; description?: string; parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { description: string }>; security?: unknown[] };

const cell = { border: "1px solid #d1d1d1", padding: "4px 8px", textAlign: "left" as const, verticalAlign: "top" as const };
const code = { fontFamily: "Consolas, 'Courier New', monospace", fontSize: "0.95em" };

export default async function DevelopersPage() {
  const base = env().APP_URL;
  const t = await getTranslations("Developers");
  const problems = ((await getMessages()) as { Api: { problems: Record<string, { title: string; detail: string }> } }).Api.problems;
  const tags = { code: (chunks: ReactNode) => <code style={code}>{chunks}</code> };
  const document = openApiDocument(base) as unknown as { info: { title: string; version: string; description: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const schemas = document.components.schemas;
  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(schemas[schema.$ref.split("/").pop()!] ?? {}) : schema);

  const typeOf = (raw: Schema): string => {
    const schema = resolve(raw);
    if (raw.$ref) return raw.$ref.split("/").pop()!;
    if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) return variants.map(typeOf).join(" | ");
    if (schema.type === "array" && schema.items) return `array of ${typeOf(schema.items)}`;
    return [schema.type ?? "any", schema.format ? `(${schema.format})` : ""].filter(Boolean).join(" ");
  };
  const rules = (raw: Schema) => {
    const schema = resolve(raw);
    return [
      schema.minLength !== undefined && schema.minLength > 0 ? `min length ${schema.minLength}` : "",
      schema.maxLength !== undefined ? `max length ${schema.maxLength}` : "",
      schema.minimum !== undefined ? `min ${schema.minimum}` : "",
      schema.maximum !== undefined ? `max ${schema.maximum}` : "",
      schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : "",
    ]
      .filter(Boolean)
      .join(", ");
  };
  const fields = (raw: Schema): ReactNode => {
    const schema = resolve(raw);
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) return variants.map((variant, i) => <div key={i}>{fields(variant)}</div>);
    if (!schema.properties) return <p style={code}>{typeOf(raw)}</p>;
    return (
      <table style={{ borderCollapse: "collapse", margin: "8px 0" }}>
        <thead>
          <tr>
            <th style={cell}>{t("field")}</th>
            <th style={cell}>{t("fieldType")}</th>
            <th style={cell}>{t("fieldRequired")}</th>
            <th style={cell}>{t("notes")}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(schema.properties).map(([name, property]) => (
            <tr key={name}>
              <td style={{ ...cell, ...code }}>{name}</td>
              <td style={{ ...cell, ...code }}>{typeOf(property)}</td>
              <td style={cell}>{schema.required?.includes(name) ? t("yes") : t("no")}</td>
              <td style={cell}>{[resolve(property).description ?? property.description, rules(property)].filter(Boolean).join(" ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  };

  return (
    <main id="main" style={{ padding: "32px 48px", maxWidth: 1100, lineHeight: 1.5 }}>
      <h1>{document.info.title}</h1>
      <p>{t.rich("intro", { ...tags, version: document.info.version, base: `${base}/api/v1`, link: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a> })}</p>
      <p>{t("summary")}</p>

      <h2 id="authentication">{t("authenticationTitle")}</h2>
      <p>{t.rich("authentication", { ...tags, tokens: (chunks) => <a href="/settings/tokens">{chunks}</a> })}</p>

      <h2 id="rate-limits">{t("rateLimitsTitle")}</h2>
      <p>{t.rich("rateLimits", { ...tags, limit: env().API_RATE_LIMIT_PER_MINUTE })}</p>

      <h2 id="conventions">{t("conventionsTitle")}</h2>
      <p>{t.rich("conventions", tags)}</p>

      <h2 id="errors">{t("errorsTitle")}</h2>
      <p>{t.rich("errors", tags)}</p>
      <table style={{ borderCollapse: "collapse" }}>
        <thead>
          <tr>
            <th style={cell}>{t("problemType")}</th>
            <th style={cell}>{t("problemStatus")}</th>
            <th style={cell}>{t("problemTitle")}</th>
            <th style={cell}>{t("problemMeaning")}</th>
          </tr>
        </thead>
        <tbody>
          {problemCodes.map((problem) => (
            <tr key={problem} id={`problem-${problem}`}>
              <td style={{ ...cell, ...code }}>{problem}</td>
              <td style={cell}>{problemStatus[problem]}</td>
              <td style={cell}>{problems[problem].title}</td>
              <td style={cell}>{problems[problem].detail}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="endpoints">{t("endpointsTitle")}</h2>
      <p>{t("operationsInEnglish")}</p>
      {Object.entries(document.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => (
          <section key={`${method} ${path}`} id={`${method}-${path.replace(/[^\w]+/g, "-")}`} style={{ borderTop: "1px solid #d1d1d1", paddingTop: 8, marginTop: 24 }}>
            <h3 style={code}>
              {method.toUpperCase()} {path}
            </h3>
            {operation.summary ? <p><strong>{operation.summary}</strong></p> : null}
            {operation.description ? <p>{operation.description}</p> : null}
            {operation.parameters?.length ? (
              <>
                <h4>{t("parameters")}</h4>
                <table style={{ borderCollapse: "collapse" }}>
                  <tbody>
                    {operation.parameters.map((parameter) => (
                      <tr key={`${parameter.in}-${parameter.name}`}>
                        <td style={{ ...cell, ...code }}>{parameter.name}</td>
                        <td style={cell}>{parameter.in}</td>
                        <td style={{ ...cell, ...code }}>{parameter.schema ? typeOf(parameter.schema) : ""}</td>
                        <td style={cell}>{parameter.required ? t("required") : t("optional")}</td>
                        <td style={cell}>{[parameter.description, parameter.schema ? rules(parameter.schema) : ""].filter(Boolean).join(" ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
            {operation.requestBody
              ? Object.entries(operation.requestBody.content).map(([type, content]) => (
                  <div key={type}>
                    <h4>
                      {t("body")} <code style={code}>{type}</code>
                    </h4>
                    {fields(content.schema)}
                  </div>
                ))
              : null}
            <h4>{t("answers")}</h4>
            <ul>
              {Object.entries(operation.responses).map(([status, response]) => (
                <li key={status}>
                  <strong>{status}</strong> {response.description}
                </li>
              ))}
            </ul>
          </section>
        )),
      )}
    </main>
  );
}
