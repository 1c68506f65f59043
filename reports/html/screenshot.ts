const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** The image as a data: URI, so the report needs no file beside it; undefined when it is not a PNG or JPEG. */
export function imageDataUri(bytes: Uint8Array): string | undefined {
  const mime = startsWith(bytes, PNG_SIGNATURE)
    ? 'image/png'
    : startsWith(bytes, JPEG_SIGNATURE)
      ? 'image/jpeg'
      : undefined;
  if (mime === undefined) return undefined;
  return `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}
