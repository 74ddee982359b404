// The inputs of the reviewer's decisions, shared by the console's forms and the server.
import { z } from "zod";
import { partnerActionReasons } from "../claims/reasons";
import { reviewerRejectionReasons } from "../claims/vocabulary";
import { optionalText, requiredText } from "../text";

export type ReviewerAction = "startReview" | "approve" | "reject" | "requestPartnerAction" | "approveDispute" | "rejectDispute";


const words = requiredText(2000, { multiline: true });
const note = optionalText(2000, { multiline: true });

/** A decision as the console's forms send it. Rejections and questions need a code and words a partner can act on. */
export const decisionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("startReview"), reasonText: note }),
  z.object({ action: z.literal("approve"), reasonText: note }),
  z.object({ action: z.literal("approveDispute"), reasonText: note }),
  z.object({ action: z.literal("reject"), reasonCode: z.enum(reviewerRejectionReasons, { error: "required" }), reasonText: words }),
  z.object({ action: z.literal("rejectDispute"), reasonCode: z.enum(reviewerRejectionReasons, { error: "required" }), reasonText: words }),
  z.object({ action: z.literal("requestPartnerAction"), reasonCode: z.enum(partnerActionReasons, { error: "required" }), reasonText: words }),
]);
export type DecisionInput = z.input<typeof decisionSchema>;

