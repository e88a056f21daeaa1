/** The provider simulator's deterministic byte pattern: byte i is (i * 31 + (i >> 8)) & 0xff, so any slice can be made and checked on its own. */
export function patternBytes(offset: number, length: number): Buffer {
  const b = Buffer.allocUnsafe(length);
  for (let j = 0; j < length; j++) {
    const i = offset + j;
    b[j] = (i * 31 + (i >>> 8)) & 0xff;
  }
  return b;
}
