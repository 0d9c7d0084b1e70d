// Compression bombs for the response-size tests: a body that is small on the wire and huge once the
// transport undoes its Content-Encoding. Built by streaming, so the test process never holds the
// decoded size itself.
import zlib from 'node:zlib';

/** Content-Encoding values the transport (undici) decodes. */
export type Encoding = 'gzip' | 'deflate' | 'br';

/** `decodedMiB` MiB of spaces (valid JSON whitespace, so only the size can fail), compressed with `encoding`. */
export async function bomb(encoding: Encoding, decodedMiB: number): Promise<Buffer> {
  const z =
    encoding === 'gzip'
      ? zlib.createGzip({ level: 9 })
      : encoding === 'deflate'
        ? zlib.createDeflate({ level: 9 })
        : zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on('end', resolve));
  const chunk = Buffer.alloc(1 << 20, 0x20);
  for (let i = 0; i < decodedMiB; i++) if (!z.write(chunk)) await new Promise((resolve) => z.once('drain', resolve));
  z.end();
  await done;
  return Buffer.concat(out);
}

/** Compresses a small body with `encoding` (for bodies under the limit). */
export function compress(encoding: Encoding, body: string): Buffer {
  const data = Buffer.from(body);
  return encoding === 'gzip' ? zlib.gzipSync(data) : encoding === 'deflate' ? zlib.deflateSync(data) : zlib.brotliCompressSync(data);
}

/**
 * Runs `fn` while sampling the process's resident memory every 5 ms; resolves to its outcome and the
 * peak growth over the level before it started, in MiB.
 */
export async function peakGrowth<T>(fn: () => Promise<T>): Promise<{ outcome: T | unknown; growthMiB: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  let outcome: T | unknown;
  try {
    outcome = await fn();
  } catch (error) {
    outcome = error;
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  return { outcome, growthMiB: (peak - before) / 2 ** 20 };
}
