// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (public: it describes, it reveals no data).
import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export function GET() {
  return Response.json(openApiDocument(env().APP_URL), { headers: { "cache-control": "public, max-age=300" } });
}
