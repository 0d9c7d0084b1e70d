/** Thrown while a body is read when it passes the limit; the client turns it into a VeeamResponseError. */
export class BodyTooLarge extends Error {
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly limit: number,
    /** Content-Length of an unencoded body that declared more than the limit; undefined when counted while streaming. */
    readonly declared: number | undefined,
  ) {
    super(`response body exceeds ${limit} bytes`);
  }
}

/**
 * Refuses response bodies over `limit` bytes as the caller reads them. The count is of the bytes the
 * caller gets, after the transport undid any Content-Encoding (gzip, deflate, br): a Content-Length then
 * gives only the compressed size, so a 400 KB gzip body can decode to gigabytes. The stream errors with
 * BodyTooLarge, and the transport stops reading and inflating, as soon as the count passes the limit;
 * memory stays bounded by the limit whatever the framing (Content-Length or chunked).
 *
 * An unencoded body with a Content-Length is checked up front (refused before reading when over, passed
 * untouched when under: the transport never delivers more than the declared length).
 */
export function limitBody(response: Response, limit: number): Response {
  if (!response.body) return response;
  const contentType = response.headers.get('content-type') ?? '';
  const declared = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding');
  if (declared !== null && (encoding === null || /^\s*identity\s*$/i.test(encoding))) {
    if (Number(declared) <= limit) return response;
    void response.body.cancel();
    throw new BodyTooLarge(response.status, contentType, limit, Number(declared));
  }
  let seen = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        // Erroring the transform cancels the source: undici aborts the connection and its decompressor.
        if (seen > limit) controller.error(new BodyTooLarge(response.status, contentType, limit, undefined));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Reads a body as text within `limit` bytes; throws BodyTooLarge past it (for auth responses). */
export async function readLimitedText(response: Response, limit: number): Promise<string> {
  const limited = limitBody(response, limit);
  try {
    return await limited.text();
  } catch (error) {
    if (error instanceof BodyTooLarge) throw error;
    if (error instanceof Error && error.cause instanceof BodyTooLarge) throw error.cause;
    throw error;
  }
}
