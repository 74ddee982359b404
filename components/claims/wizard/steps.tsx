"use client";
// The wizard's four steps, each loaded on its own: a step's page downloads that step's form, its
// controls and its validation, not the other steps'. Rendered on the server as before (no loading
// state: until a step's code arrives, a navigation keeps showing the page it came from).
import dynamic from "next/dynamic";

export const DetailsStep = dynamic(() => import("./DetailsStep").then((m) => m.DetailsStep));
export const WorkloadsStep = dynamic(() => import("./WorkloadsStep").then((m) => m.WorkloadsStep));
export const ContactsStep = dynamic(() => import("./ContactsStep").then((m) => m.ContactsStep));
export const ReviewStep = dynamic(() => import("./ReviewStep").then((m) => m.ReviewStep));
