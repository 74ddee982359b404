"use server";
// Server actions of the proof-of-execution page. Each passes the partner gate and parses the claim id
// (lib/actions.ts), then calls the domain function, which re-checks that the claim is the organisation's
// and editable.
import { done, partnerClaimAction, refused } from "../actions";
import { keySchema } from "../claims/schemas";
import { isRefusal } from "../refusal";
import { saveComments, savePoeDetails } from "./details";
import { removePoeFile, type PoeFileError } from "./files";

const invalidRequest = refused("invalidRequest");
const notFound = refused("notFound");

/** "Save" on the details of the proof. */
export const savePoeDetailsAction = partnerClaimAction((viewer, claimId, values: unknown) => savePoeDetails(viewer, claimId, values), invalidRequest);

/** "Save comments". */
export const saveCommentsAction = partnerClaimAction((viewer, claimId, values: unknown) => saveComments(viewer, claimId, values), invalidRequest);

/** "Remove" on an uploaded file, before submission. */
export const removePoeFileAction = partnerClaimAction(async (viewer, claimId, fileId: string) => {
  const file = keySchema.safeParse(fileId);
  if (!file.success) return notFound;
  try {
    await removePoeFile(viewer, claimId, file.data);
  } catch (error) {
    if (isRefusal<PoeFileError>(error)) return refused(error.code);
    throw error;
  }
  return done();
}, notFound);
