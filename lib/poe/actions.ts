"use server";
// Server actions of the proof-of-execution page. Each authorizes through the session gate and
// calls the domain function, which re-checks that the claim is the organisation's and editable.
import { revalidatePath } from "next/cache";
import { answered, type Unavailable } from "../actions";
import { z } from "zod";
import { keySchema } from "../claims/schemas";
import { requirePartnerAdmin } from "../auth/session";
import { saveComments, savePoeDetails, type SaveResult } from "./details";
import { PoeFileRefused, removePoeFile } from "./files";


/** "Save" on the details of the proof. */
export async function savePoeDetailsAction(claimId: string, values: unknown): Promise<SaveResult | Unavailable> {
  return answered(async () => {
    const viewer = await requirePartnerAdmin();
    const id = keySchema.safeParse(claimId);
    if (!id.success) return { ok: false, fieldErrors: { _form: "invalidRequest" } };
    const result = await savePoeDetails(viewer, id.data, values);
    if (result.ok) revalidatePath(`/claims/${id.data}`);
    return result;
  });
}

/** "Save comments". */
export async function saveCommentsAction(claimId: string, values: unknown): Promise<SaveResult | Unavailable> {
  return answered(async () => {
    const viewer = await requirePartnerAdmin();
    const id = keySchema.safeParse(claimId);
    if (!id.success) return { ok: false, fieldErrors: { _form: "invalidRequest" } };
    const result = await saveComments(viewer, id.data, values);
    if (result.ok) revalidatePath(`/claims/${id.data}`);
    return result;
  });
}

/** "Remove" on an uploaded file, before submission. */
export async function removePoeFileAction(claimId: string, fileId: string): Promise<{ ok: true } | { ok: false; problem: string } | Unavailable> {
  return answered(async () => {
    const viewer = await requirePartnerAdmin();
    const ids = z.tuple([keySchema, keySchema]).safeParse([claimId, fileId]);
    if (!ids.success) return { ok: false, problem: "notFound" };
    try {
      await removePoeFile(viewer, ids.data[0], ids.data[1]);
    } catch (error) {
      if (error instanceof PoeFileRefused) return { ok: false, problem: error.code };
      throw error;
    }
    revalidatePath(`/claims/${ids.data[0]}`);
    return { ok: true };
  });
}
