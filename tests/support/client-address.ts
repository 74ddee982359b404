// The header the request hook (lib/client-address-hook.ts) writes for a request from `address`, for
// tests that call actions and route handlers without an HTTP server.
import { clientAddressHeader, stampClientAddress } from "@/lib/request-meta";

export const fromClient = (address: string) => ({ [clientAddressHeader]: stampClientAddress(address) });
