// The test database (the fresh one the test command created), for integration tests.
import { createPrismaClient } from "@/lib/db-client";

export const testDb = createPrismaClient();
