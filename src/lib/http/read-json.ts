import type { z } from "zod";
import { type FieldErrors, jsonError } from "./api-response";
import { MAX_API_BODY_BYTES } from "./request-limits";

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a bounded JSON body: 415 for other media types, 413 when too large, 400 when not JSON. */
export async function readJson(request: Request, limit = MAX_API_BODY_BYTES): Promise<Parsed<unknown>> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return {
      ok: false,
      response: jsonError(415, "unsupported_media_type", "Send the body as application/json."),
    };
  }
  const bytes = await readLimited(request, limit);
  if (!bytes) {
    const response = jsonError(413, "payload_too_large", `The body is over ${limit} bytes.`);
    // A chunked body cut off mid-stream leaves its rest unread on the connection: the next request there
    // would never be parsed, so the client is told to open a new one (routes the proxy skips read the
    // socket directly; a declared length over the limit never gets here, request-gate.ts refuses it).
    if (!request.headers.has("content-length")) response.headers.set("Connection", "close");
    return { ok: false, response };
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, response: jsonError(400, "invalid_json", "The body is not valid JSON.") };
  }
}

/** zod issues as one message per field, the first for each (shared with the forms). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Reads and validates a JSON body against `schema`: 400 `invalid_input` with per-field messages. */
export async function readInput<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.output<S>>> {
  const body = await readJson(request);
  if (!body.ok) return body;
  const result = schema.safeParse(body.value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    response: jsonError(400, "invalid_input", "Some fields need attention.", { fields: fieldErrors(result.error) }),
  };
}
