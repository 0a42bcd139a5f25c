/** The smallest byte patterns that make a file of each allowed kind, for upload tests. */
const padded = (...values: number[]) => new Uint8Array([...values, ...new Array(32).fill(0)]);

export const sampleFiles = {
  png: padded(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  jpeg: padded(0xff, 0xd8, 0xff, 0xe0),
  gif: padded(0x47, 0x49, 0x46, 0x38, 0x39, 0x61),
  webp: padded(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50),
  pdf: new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'),
  html: new TextEncoder().encode('<html><script>alert(1)</script></html>'),
};
