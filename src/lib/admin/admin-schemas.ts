import { z } from "zod";
import type { AdminPatch } from "./admin-actions";

/** `PATCH /api/admin/users/:id`: exactly one of `isAdmin`, `disabled`, a boolean (one change, all or nothing). */
export const AdminPatchSchema = z
  .object({
    isAdmin: z.boolean({ error: "isAdmin is true or false." }).optional(),
    disabled: z.boolean({ error: "disabled is true or false." }).optional(),
  })
  .transform((body, context): AdminPatch => {
    if (body.isAdmin !== undefined && body.disabled === undefined) return { isAdmin: body.isAdmin };
    if (body.disabled !== undefined && body.isAdmin === undefined) return { disabled: body.disabled };
    context.addIssue({ code: "custom", message: "Send exactly one of isAdmin or disabled.", path: ["body"] });
    return z.NEVER;
  });

/** User ids are 22 base64url characters; anything far off cannot name a user (404 without a query). */
export function plausibleUserId(id: string): boolean {
  return id.length > 0 && id.length <= 64;
}
