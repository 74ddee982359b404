// What the reviewers' dashboard page shows (app/(review)/review/dashboard/page.tsx): lib/review/dashboard.ts on the portal's database.
import "server-only";
import { db } from "../db";
import { readDashboard } from "./dashboard";

export const loadDashboard = (now: Date = new Date()) => readDashboard(db, now);
