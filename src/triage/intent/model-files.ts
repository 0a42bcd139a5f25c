/**
 * The intent module's file I/O: reading labelled JSONL, and saving / loading a model as a
 * directory of `model.json` (metadata and array layout) and `weights.bin` (little-endian
 * Float32/Uint32 arrays: bias, weights, idf, buckets, then the hidden-layer network's embed,
 * hiddenBias, out, outBias when the model has one).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { bucketsOf, spaceFromBuckets } from './features.ts';
import { parseJsonl } from './jsonl.ts';
import { IntentModel, MODEL_FORMAT, type IntentModelMeta } from './model.ts';
import type { IntentExample } from './train.ts';

export function readJsonl(path: string): IntentExample[] {
  return parseJsonl(readFileSync(path, 'utf8'), path);
}

type ArrayName = 'bias' | 'weights' | 'idf' | 'buckets' | 'embed' | 'hiddenBias' | 'out' | 'outBias';
interface Layout {
  name: ArrayName;
  type: 'float32' | 'uint32';
  offset: number;
  length: number;
}

function requireLittleEndian(): void {
  if (endianness() !== 'LE') throw new Error('intent model files are little-endian; this machine is not');
}

export function saveModel(model: IntentModel, dir: string): void {
  requireLittleEndian();
  const arrays: [ArrayName, Float32Array | Uint32Array][] = [
    ['bias', model.softmax.bias],
    ['weights', model.softmax.weights],
    ['idf', model.space.idf],
    ['buckets', bucketsOf(model.space)],
  ];
  const net = model.hidden;
  if (net) arrays.push(['embed', net.embed], ['hiddenBias', net.hiddenBias], ['out', net.out], ['outBias', net.outBias]);
  let offset = 0;
  const layout: Layout[] = arrays.map(([name, array]) => {
    const entry: Layout = { name, type: array instanceof Float32Array ? 'float32' : 'uint32', offset, length: array.length };
    offset += array.byteLength;
    return entry;
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'weights.bin'), Buffer.concat(arrays.map(([, a]) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))));
  writeFileSync(join(dir, 'model.json'), `${JSON.stringify({ ...model.meta, layout, bytes: offset }, null, 2)}\n`);
}

export function loadModel(dir: string): IntentModel {
  requireLittleEndian();
  const stored = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as IntentModelMeta & { layout: Layout[]; bytes: number };
  const format: string = stored.format;
  if (format === 'sanad-intent-v1') throw new Error(`${dir}: a sanad-intent-v1 model, whose features ${MODEL_FORMAT} no longer computes; train it again`);
  if (format === 'sanad-intent-v2') throw new Error(`${dir}: a sanad-intent-v2 model, without the hidden-layer network and blend ${MODEL_FORMAT} reads; train it again`);
  if (format !== MODEL_FORMAT) throw new Error(`${dir}: not a ${MODEL_FORMAT} model`);
  const file = readFileSync(join(dir, 'weights.bin'));
  if (file.byteLength !== stored.bytes) throw new Error(`${dir}/weights.bin: expected ${stored.bytes} bytes, found ${file.byteLength}`);
  // Copy into an aligned buffer: a Buffer from readFileSync may sit at an odd offset of a pool.
  const bytes = new Uint8Array(file.byteLength);
  bytes.set(file);
  const has = (name: ArrayName) => stored.layout.some((l) => l.name === name);
  const array = (name: ArrayName) => {
    const entry = stored.layout.find((l) => l.name === name);
    if (!entry) throw new Error(`${dir}/model.json: no layout for ${name}`);
    return entry.type === 'float32' ? new Float32Array(bytes.buffer, entry.offset, entry.length) : new Uint32Array(bytes.buffer, entry.offset, entry.length);
  };
  const { layout: _layout, bytes: _bytes, ...meta } = stored;
  const labels = meta.labels.length;
  const space = spaceFromBuckets(meta.features, array('buckets') as Uint32Array, array('idf') as Float32Array);
  const softmax = { labels, rows: meta.rows, weights: array('weights') as Float32Array, bias: array('bias') as Float32Array };
  if (!has('embed')) return new IntentModel(meta, space, softmax);
  const hiddenBias = array('hiddenBias') as Float32Array;
  const net = { rows: meta.rows, hidden: hiddenBias.length, labels, embed: array('embed') as Float32Array, hiddenBias, out: array('out') as Float32Array, outBias: array('outBias') as Float32Array };
  return new IntentModel(meta, space, softmax, net);
}
