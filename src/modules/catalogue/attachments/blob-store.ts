import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Content-addressed file storage under DATA_DIR/blobs: a file's path is its SHA-256, so the
 * same document uploaded twice is stored once and its checksum is its name.
 */
export class BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid blob id');
    return join(this.root, 'blobs', sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (!existsSync(path)) {
      await mkdir(join(this.root, 'blobs', sha256.slice(0, 2)), { recursive: true });
      const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    }
    return { sha256, sizeBytes: bytes.byteLength };
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** The whole file; for reading an attachment's text before publication. */
  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  stream(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  /** Whether a blob is stored, opens for reading and has the recorded size (site health checks attachments so). */
  async check(sha256: string, sizeBytes: number): Promise<'ok' | 'missing' | 'unreadable'> {
    let path: string;
    try {
      path = this.pathOf(sha256);
      if ((await stat(path)).size !== sizeBytes) return 'unreadable';
    } catch {
      return 'missing';
    }
    try {
      await (await open(path, 'r')).close();
      return 'ok';
    } catch {
      return 'unreadable';
    }
  }
}
