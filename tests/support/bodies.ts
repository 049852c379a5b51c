/** A JSON object of exactly `size` bytes (ASCII): `fields`, with `padKey` padded out to the size. */
export function paddedJson(fields: Record<string, string>, padKey: string, size: number): string {
  const shell = JSON.stringify({ ...fields, [padKey]: "" });
  return shell.replace(`"${padKey}":""`, `"${padKey}":"${"x".repeat(Math.max(0, size - shell.length))}"`);
}

/** A body with no Content-Length: sent chunked, in pieces of `chunk` bytes. */
export function streamOf(text: string, chunk = 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}
