/**
 * A model as one byte string, so every node reads the same model from the database. The intent
 * module's own save/load (a directory of files) stays the single definition of the format: the
 * files are packed as [name length, name, size, bytes]… in order.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, saveModel } from '../intent/model-files.ts';
import type { IntentModel } from '../intent/model.ts';

function inScratchDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-model-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function modelToBytes(model: IntentModel): Uint8Array {
  return inScratchDir((dir) => {
    saveModel(model, dir);
    const parts: Buffer[] = [];
    for (const name of readdirSync(dir).sort()) {
      const nameBytes = Buffer.from(name, 'utf8');
      const content = readFileSync(join(dir, name));
      const header = Buffer.alloc(8);
      header.writeUInt32LE(nameBytes.length, 0);
      header.writeUInt32LE(content.length, 4);
      parts.push(header, nameBytes, content);
    }
    return new Uint8Array(Buffer.concat(parts));
  });
}

export function modelFromBytes(bytes: Uint8Array): IntentModel {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return inScratchDir((dir) => {
    let at = 0;
    while (at < buffer.length) {
      if (at + 8 > buffer.length) throw new Error('stored model is truncated');
      const nameLength = buffer.readUInt32LE(at);
      const size = buffer.readUInt32LE(at + 4);
      const name = buffer.subarray(at + 8, at + 8 + nameLength).toString('utf8');
      if (!/^[\w.-]+$/.test(name) || at + 8 + nameLength + size > buffer.length) throw new Error('stored model is damaged');
      writeFileSync(join(dir, name), buffer.subarray(at + 8 + nameLength, at + 8 + nameLength + size));
      at += 8 + nameLength + size;
    }
    return loadModel(dir);
  });
}
