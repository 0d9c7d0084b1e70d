// Reading bodies with a byte limit: a file or stdin is read only up to the limit, never whole first
// (a 200 MB file took 520 MB of RSS before the size check said no). Also bounds devices and FIFOs
// (`/dev/zero`), whose stat size says nothing.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** What a limited read found: the bytes, or that there are more than the limit. */
export type LimitedRead =
  | { bytes: Uint8Array; tooLarge?: undefined }
  /** `size` is known for regular files (stat), unknown when reading had to stop (stdin, devices). */
  | { bytes?: undefined; tooLarge: true; size?: number };

/**
 * Reads a stream until its end or until more than `maxBytes` arrived; then stops reading and
 * destroys the stream.
 */
export async function readStreamLimited(stream: Readable, maxBytes: number): Promise<LimitedRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const chunk = Buffer.isBuffer(c) ? c : Buffer.from(c as string);
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      return { tooLarge: true };
    }
    chunks.push(chunk);
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks, size)) };
}

/**
 * Reads a file up to `maxBytes`: a regular file larger than that is not read at all (its size is
 * reported); anything else is read as a stream and stopped at the limit.
 * @throws the fs error (ENOENT, EACCES, EISDIR...) for the caller to name the file
 */
export async function readFileLimited(file: string, maxBytes: number): Promise<LimitedRead> {
  const st = await stat(file);
  if (st.isFile() && st.size > maxBytes) return { tooLarge: true, size: st.size };
  // highWaterMark: at most the limit + 1 in one chunk, so a file that grew since stat stops early too.
  return readStreamLimited(createReadStream(file, { highWaterMark: Math.min(1024 * 1024, maxBytes + 1) }), maxBytes);
}
