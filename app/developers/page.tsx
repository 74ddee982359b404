// The API's reference, server-rendered from the OpenAPI document (lib/api/openapi.ts): authentication,
// rate limits, the problem types (each with the anchor its `type` URI points at), and every operation
// with its parameters, body fields and answers. Public, like the document itself; no client script.
import type { ReactNode } from "react";
import { openApiDocument } from "@/lib/api/openapi";
import { problemCodes, problemStatus } from "@/lib/api/problem-codes";
import { env } from "@/lib/env";
import en from "@/messages/en.json";

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; description?: string; format?: string; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; pattern?: string; default?: unknown };
type Operation = { summary?: string; description?: string; parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { description: string }>; security?: unknown[] };

const cell = { border: "1px solid #d1d1d1", padding: "4px 8px", textAlign: "left" as const, verticalAlign: "top" as const };
const code = { fontFamily: "Consolas, 'Courier New', monospace", fontSize: "0.95em" };

export default function DevelopersPage() {
  const base = env().APP_URL;
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
            <th style={cell}>Field</th>
            <th style={cell}>Type</th>
            <th style={cell}>Required</th>
            <th style={cell}>Notes</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(schema.properties).map(([name, property]) => (
            <tr key={name}>
              <td style={{ ...cell, ...code }}>{name}</td>
              <td style={{ ...cell, ...code }}>{typeOf(property)}</td>
              <td style={cell}>{schema.required?.includes(name) ? "yes" : "no"}</td>
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
      <p>
        Version {document.info.version}. Base URL <code style={code}>{base}/api/v1</code>. The machine-readable document:{" "}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
      </p>
      {document.info.description.split("\n\n").map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}

      <h2 id="authentication">Authentication</h2>
      <p>
        An incentive admin creates a personal access token on the portal&apos;s <a href="/settings/tokens">API tokens</a> page (30, 90, 180 or 365 days) and copies it once. Send it
        on every request as <code style={code}>Authorization: Bearer cpor_pat_…</code>. A token acts for its admin in the admin&apos;s organisation: it sees and changes only that
        organisation&apos;s claims, exactly as the portal&apos;s pages do. It stops working when it expires, when it is revoked, or when its admin is no longer an incentive admin of
        the organisation. A browser session is not a credential here.
      </p>

      <h2 id="rate-limits">Rate limits</h2>
      <p>
        Each token may make {env().API_RATE_LIMIT_PER_MINUTE} requests a minute, counted across every instance of the portal. Every answer carries{" "}
        <code style={code}>RateLimit-Limit</code>, <code style={code}>RateLimit-Remaining</code> and <code style={code}>RateLimit-Reset</code> (seconds); beyond the limit the answer
        is <code style={code}>429</code> with <code style={code}>Retry-After</code>.
      </p>

      <h2 id="conventions">Conventions</h2>
      <p>
        JSON field names are camelCase and the same in requests and answers; ids are strings; times are ISO 8601 in UTC. Lists are keyset-paginated: pass the answer&apos;s{" "}
        <code style={code}>nextCursor</code> as <code style={code}>cursor</code> until it is null. <code style={code}>POST /claims</code> answers 201 with a Location header and accepts an{" "}
        <code style={code}>Idempotency-Key</code>; submitting a claim twice answers its current state.
      </p>

      <h2 id="errors">Errors</h2>
      <p>
        Errors are RFC 9457 problem details (<code style={code}>application/problem+json</code>) with <code style={code}>type</code>, <code style={code}>title</code>,{" "}
        <code style={code}>status</code>, <code style={code}>detail</code> and <code style={code}>instance</code>, and for refused input{" "}
        <code style={code}>errors: [{"{"} field, message {"}"}]</code>. Messages are in English, or in Japanese with <code style={code}>Accept-Language: ja</code>.
      </p>
      <table style={{ borderCollapse: "collapse" }}>
        <thead>
          <tr>
            <th style={cell}>Type</th>
            <th style={cell}>Status</th>
            <th style={cell}>Title</th>
            <th style={cell}>Meaning</th>
          </tr>
        </thead>
        <tbody>
          {problemCodes.map((problem) => (
            <tr key={problem} id={`problem-${problem}`}>
              <td style={{ ...cell, ...code }}>{problem}</td>
              <td style={cell}>{problemStatus[problem]}</td>
              <td style={cell}>{en.Api.problems[problem].title}</td>
              <td style={cell}>{en.Api.problems[problem].detail}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="endpoints">Endpoints</h2>
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
                <h4>Parameters</h4>
                <table style={{ borderCollapse: "collapse" }}>
                  <tbody>
                    {operation.parameters.map((parameter) => (
                      <tr key={`${parameter.in}-${parameter.name}`}>
                        <td style={{ ...cell, ...code }}>{parameter.name}</td>
                        <td style={cell}>{parameter.in}</td>
                        <td style={{ ...cell, ...code }}>{parameter.schema ? typeOf(parameter.schema) : ""}</td>
                        <td style={cell}>{parameter.required ? "required" : "optional"}</td>
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
                      Body <code style={code}>{type}</code>
                    </h4>
                    {fields(content.schema)}
                  </div>
                ))
              : null}
            <h4>Answers</h4>
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
