// Which errors mean that the database or blob storage cannot be reached or cannot keep up (answered
// "try again", 503), with the shapes Prisma on adapter-pg and the blob client produced while the load
// benchmark restarted PostgreSQL, stopped Azurite and saturated the machine; every other error, a
// constraint violation, a transaction used after it ended or a missing blob included, stays what it was.
import { RestError } from "@azure/storage-blob";
import { describe, expect, it } from "vitest";
import { ServiceUnavailable, unavailableService } from "@/lib/availability";
import { Prisma } from "@/lib/generated/prisma/client";

const clientVersion = "6.19.3";
const known = (code: string, driverCause?: object) =>
  new Prisma.PrismaClientKnownRequestError("Invalid `prisma.claim.findFirst()` invocation", { code, clientVersion, meta: driverCause ? { driverAdapterError: Object.assign(new Error("driver"), { name: "DriverAdapterError", cause: driverCause }) } : undefined });
const driverError = (cause: object) => Object.assign(new Error(String((cause as { message?: string }).message ?? "driver")), { name: "DriverAdapterError", cause });
const postgres = (code: string, message: string) => ({ kind: "postgres", code, originalCode: code, severity: "FATAL", message, originalMessage: message });

describe("unavailableService", () => {
  it("recognises a database that cannot be reached, restarts, ends the connection, or is too busy for a transaction", () => {
    for (const error of [
      known("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }),
      known("P1017", { kind: "ConnectionClosed" }),
      known("P2010", postgres("57P03", "the database system is shutting down")),
      known("P2010", postgres("57P03", "the database system is starting up")),
      driverError(postgres("57P01", "terminating connection due to administrator command")),
      Object.assign(new Error("Connection terminated unexpectedly"), { clientVersion }),
      new Error("Client has encountered a connection error and is not queryable"),
      new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", { code: "P2028", clientVersion }),
      new Prisma.PrismaClientKnownRequestError("Transaction API error: A commit cannot be executed on an expired transaction.", { code: "P2028", clientVersion, meta: { operation: "commit", timeout: 5000, timeTaken: 5753 } }),
      new ServiceUnavailable("database"),
      new Error("wrapped", { cause: known("P1001") }),
    ]) {
      expect(unavailableService(error), String(error)).toBe("database");
    }
  });

  it("recognises blob storage that refuses or drops connections, or says it is unavailable", () => {
    for (const error of [new RestError("connect ECONNREFUSED 127.0.0.1:10000", { code: "ECONNREFUSED" }), new RestError("socket hang up", { code: "ECONNRESET" }), new RestError("Server busy", { statusCode: 503 })]) {
      expect(unavailableService(error), String(error)).toBe("blobStorage");
    }
  });

  it("leaves every other error alone", () => {
    for (const error of [
      known("P2002", { kind: "UniqueConstraintViolation" }),
      known("P2010", postgres("40P01", "deadlock detected")),
      new Prisma.PrismaClientKnownRequestError("Transaction API error: Transaction already closed: A query cannot be executed on a committed transaction.", { code: "P2028", clientVersion }),
      driverError(postgres("23505", "duplicate key value violates unique constraint")),
      new RestError("The specified blob does not exist.", { statusCode: 404, code: "BlobNotFound" }),
      new Error("Connection terminated by a test"),
      new TypeError("Cannot read properties of undefined"),
      "a string",
      null,
    ]) {
      expect(unavailableService(error), String(error)).toBeNull();
    }
  });
});
