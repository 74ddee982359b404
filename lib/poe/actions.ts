"use server";
// Server actions of the proof-of-execution page. Each authorizes through the session gate and
// calls the domain function, which re-checks that the claim is the organisation's and editable.
import { revalidatePath } from "next/cache";
import { answered, partnerClaimAction, type Unavailable } from "../actions";
import { z } from "zod";
import { keySchema } from "../claims/schemas";
import { requirePartnerAdmin } from "../auth/session";
import { saveComments, savePoeDetails, type SaveResult } from "./details";
import { isRefusal } from "../refusal";
import { removePoeFile, type PoeFileError } from "./files";


const invalidRequest: SaveResult = { ok: false, fieldErrors: { _form: "invalidRequest" } };

/** "Save" on the details of the proof. */
export const savePoeDetailsAction = partnerClaimAction((viewer, claimId, values: unknown) => savePoeDetails(viewer, claimId, values), invalidRequest);

/** "Save comments". */
export const saveCommentsAction = partnerClaimAction((viewer, claimId, values: unknown) => saveComments(viewer, claimId, values), invalidRequest);

/** "Remove" on an uploaded file, before submission. */
export async function removePoeFileAction(claimId: string, fileId: string): Promise<{ ok: true } | { ok: false; problem: string } | Unavailable> {
  return answered(async () => {
    const viewer = await requirePartnerAdmin();
    const ids = z.tuple([keySchema, keySchema]).safeParse([claimId, fileId]);
    if (!ids.success) return { ok: false, problem: "notFound" };
    try {
      await removePoeFile(viewer, ids.data[0], ids.data[1]);
    } catch (error) {
      if (isRefusal<PoeFileError>(error)) return { ok: false, problem: error.code };
      throw error;
    }
    revalidatePath(`/claims/${ids.data[0]}`);
    return { ok: true };
  });
}
