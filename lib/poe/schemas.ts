// The proof of execution's input schemas (details, comments, the acknowledgements of submission) as the
// server parses them. The fields and their rules are lib/poe/fields.ts's, the same the forms check in
// the browser with zod/mini; here they are wrapped in zod's full schemas. Messages are keys of
// "Validation.*".
import { z } from "zod";
import { commentsShape, poeDetailsRules, poeDetailsShape, submissionShape, withUsedActivities } from "./fields";

export { type PoeDetails, type PoeDetailsInput, type SubmissionInput } from "./fields";
export { acknowledgementKeys, inlinePoeKinds, MAX_CLAIM_BYTES, MAX_FILE_BYTES, MAX_REQUEST_BYTES, oldestAcknowledgement, poeActivityTypes, poeDocumentTypes, type PoeActivityType } from "./vocabulary";

export const poeDetailsSchema = z.object(poeDetailsShape).check(poeDetailsRules).transform(withUsedActivities);

export const commentsSchema = z.object(commentsShape);

export const submissionSchema = z.object(submissionShape);
