/** Byte buffers that can cross to another thread without a copy: a top-level `bytes` that owns its whole buffer. */
export function transferable(value: unknown): ArrayBuffer[] {
  const bytes = (value as { bytes?: unknown } | null)?.bytes;
  if (!(bytes instanceof Uint8Array)) return [];
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? [bytes.buffer as ArrayBuffer] : [];
}
