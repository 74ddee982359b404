// Stamps every incoming HTTP request with the address of its TCP peer (lib/request-meta.ts reads it),
// since route handlers and server actions see only headers, and the client's own X-Forwarded-For
// survives there: Next sets it to the socket address only when the client sent none.
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { clientAddressHeader, stampClientAddress } from "./request-meta";

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
type Patchable = { emit: Emit; cporClientAddressHook?: true };

/**
 * Installed from instrumentation.ts (Node.js runtime). It wraps the servers' prototype `emit` rather
 * than listening on a server: Next creates its server (start-server.js, the same in `next dev` and
 * `next start`) before instrumentation runs and gives us no handle on it, and a wrapper on the
 * prototype runs before Next's own 'request' listener for every server, existing or not.
 */
export function installClientAddressHook() {
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as unknown as Patchable;
    if (prototype.cporClientAddressHook) continue;
    const emit = prototype.emit;
    prototype.emit = function (event, ...args) {
      if (event === "request") {
        const request = args[0] as IncomingMessage;
        request.headers[clientAddressHeader] = stampClientAddress(request.socket?.remoteAddress ?? "");
      }
      return emit.call(this, event, ...args);
    };
    prototype.cporClientAddressHook = true;
  }
}
