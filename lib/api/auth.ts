// Who an API request is: the personal access token in `Authorization: Bearer <token>`, and nothing
// else. A session cookie is not an API credential, so a signed-in browser (a reviewer's included)
// reaches nothing here without a token. Every failure is the same 401, which tells nothing.
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { ApiProblem } from "./problem";
import { authenticateToken } from "./tokens";

export const unauthorized = () => new ApiProblem("unauthorized", {}, { "WWW-Authenticate": 'Bearer realm="cpor-api"' });

/** The token's secret from the Authorization header, or null. */
export function bearerSecret(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer[ ]+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}

/** The incentive admin the request's token stands for (as the pages load a viewer), or a 401 problem. */
export async function authenticate(request: Request): Promise<{ tokenId: string; viewer: PartnerViewer }> {
  const secret = bearerSecret(request);
  if (!secret) throw unauthorized();
  const found = await authenticateToken(secret);
  if (!found) throw unauthorized();
  return found;
}
