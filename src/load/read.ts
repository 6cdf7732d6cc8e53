/**
 * Reading a dossier or standard file as text, with the limits that keep a
 * hostile file from costing time or memory: a size cap, UTF-8 only, no
 * binary content.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Finding } from '../findings.js';

/** Dossiers are a few kilobytes; anything past this is not one. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; error: Finding };

function readError(message: string, code = 'read-error'): ReadResult {
  return { ok: false, error: { code, severity: 'error', message } };
}

/** Decodes bytes as UTF-8 text, refusing binary and non-UTF-8 content. A BOM is dropped. */
export function decodeSource(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_SOURCE_BYTES) {
    return readError(`file is ${bytes.length} bytes, over the ${MAX_SOURCE_BYTES}-byte limit for a dossier`, 'too-large');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return readError(`binary content (a NUL byte at offset ${nul}); a dossier is YAML or JSON text`, 'binary');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return readError('not valid UTF-8 text; save the file as UTF-8', 'encoding');
  }
  if (text.trim().length === 0) return readError('file is empty', 'empty');
  return { ok: true, text };
}

export async function readSource(file: string): Promise<ReadResult> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return readError('is a directory', 'read-error');
    if (info.size > MAX_SOURCE_BYTES) {
      return readError(`file is ${info.size} bytes, over the ${MAX_SOURCE_BYTES}-byte limit for a dossier`, 'too-large');
    }
    return decodeSource(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return readError('no such file', 'not-found');
    if (code === 'EACCES' || code === 'EPERM') return readError('permission denied', 'read-error');
    return readError(`cannot read the file (${code ?? String(error)})`);
  }
}

/** Reads standard input to the end, stopping early past the size limit. */
export async function readStdin(stream: AsyncIterable<Uint8Array>): Promise<ReadResult> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > MAX_SOURCE_BYTES) return readError(`standard input is over the ${MAX_SOURCE_BYTES}-byte limit for a dossier`, 'too-large');
    chunks.push(chunk);
  }
  return decodeSource(Buffer.concat(chunks));
}
