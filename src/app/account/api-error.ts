import { z } from "zod";

const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

/** The JSON API's error `code`, or null when the answer is not one of its error bodies. */
export async function errorCode(response: Response): Promise<string | null> {
  const body = ErrorBodySchema.safeParse(
    await response
      .clone()
      .json()
      .catch(() => null),
  );
  return body.success ? body.data.error.code : null;
}

/** What to show for a refused request: the field's message when there is one, else the error's. */
export async function errorText(response: Response, field?: string): Promise<string> {
  const body = ErrorBodySchema.safeParse(
    await response
      .clone()
      .json()
      .catch(() => null),
  );
  if (!body.success) return "Something went wrong. Try again.";
  return (field ? body.data.error.fields?.[field] : undefined) ?? body.data.error.message;
}
