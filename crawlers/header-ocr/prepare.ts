/**
 * Turns a region of the header screenshot into the image tesseract reads best: grey, scaled up so
 * that the strokes of Chinese characters are several pixels wide, contrast stretched, dark text on a
 * light ground (a light name on a dark banner is inverted), with a white margin. Written as PGM,
 * which tesseract reads from its standard input.
 */
import type { Box } from '../artifacts.ts';
import type { RgbImage } from './png.ts';

export interface Preparation {
  /** How much the region is enlarged. */
  scale: number;
  /** White pixels added on every side, after scaling. */
  margin: number;
}

export interface PreparedImage {
  pgm: Uint8Array;
  width: number;
  height: number;
  /** True when the region was mostly dark and its greys were inverted. */
  inverted: boolean;
}

/** The region, clamped to the image, in whole pixels; null when nothing of it is inside. */
export function clampRegion(region: Box, image: Pick<RgbImage, 'width' | 'height'>): Box | null {
  const x = Math.max(0, Math.floor(region.x));
  const y = Math.max(0, Math.floor(region.y));
  const right = Math.min(image.width, Math.ceil(region.x + region.width));
  const bottom = Math.min(image.height, Math.ceil(region.y + region.height));
  if (right - x < 1 || bottom - y < 1) return null;
  return { x, y, width: right - x, height: bottom - y };
}

export function prepareRegion(image: RgbImage, region: Box, preparation: Preparation): PreparedImage {
  const grey = greyRegion(image, region);
  stretchContrast(grey);
  const inverted = mostlyDark(grey);
  if (inverted) for (let i = 0; i < grey.length; i++) grey[i] = 255 - (grey[i] as number);
  const scaled = scaleBilinear(grey, region.width, region.height, preparation.scale);
  const { margin } = preparation;
  const width = scaled.width + 2 * margin;
  const height = scaled.height + 2 * margin;
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const pgm = new Uint8Array(header.length + width * height).fill(255);
  pgm.set(header);
  for (let y = 0; y < scaled.height; y++) {
    const row = scaled.data.subarray(y * scaled.width, (y + 1) * scaled.width);
    pgm.set(row, header.length + (y + margin) * width + margin);
  }
  return { pgm, width, height, inverted };
}

/** Rec. 601 luma of each pixel of the region. */
function greyRegion(image: RgbImage, region: Box): Uint8Array {
  const grey = new Uint8Array(region.width * region.height);
  const { channels, data, width } = image;
  for (let y = 0; y < region.height; y++) {
    for (let x = 0; x < region.width; x++) {
      const at = ((region.y + y) * width + region.x + x) * channels;
      const r = data[at] as number;
      const g = data[at + 1] as number;
      const b = data[at + 2] as number;
      grey[y * region.width + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  return grey;
}

/** Maps the 1st–99th percentile of greys onto 0–255, so that pale text on a pale ground separates. */
function stretchContrast(grey: Uint8Array): void {
  const counts = new Uint32Array(256);
  for (const value of grey) counts[value] = (counts[value] as number) + 1;
  const percentile = (share: number) => {
    let seen = 0;
    for (let value = 0; value < 256; value++) {
      seen += counts[value] as number;
      if (seen >= grey.length * share) return value;
    }
    return 255;
  };
  const low = percentile(0.01);
  const high = percentile(0.99);
  if (high - low < 8) return;
  for (let i = 0; i < grey.length; i++) {
    const value = ((grey[i] as number) - low) * (255 / (high - low));
    grey[i] = Math.max(0, Math.min(255, Math.round(value)));
  }
}

/** A ground darker than mid-grey: the median grey is below 128. */
function mostlyDark(grey: Uint8Array): boolean {
  let dark = 0;
  for (const value of grey) if (value < 128) dark++;
  return dark > grey.length / 2;
}

function scaleBilinear(grey: Uint8Array, width: number, height: number, scale: number) {
  const outWidth = Math.max(1, Math.round(width * scale));
  const outHeight = Math.max(1, Math.round(height * scale));
  const data = new Uint8Array(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    const sy = Math.min(height - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < outWidth; x++) {
      const sx = Math.min(width - 1, Math.max(0, (x + 0.5) / scale - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(width - 1, x0 + 1);
      const fx = sx - x0;
      const top = (grey[y0 * width + x0] as number) * (1 - fx) + (grey[y0 * width + x1] as number) * fx;
      const bottom = (grey[y1 * width + x0] as number) * (1 - fx) + (grey[y1 * width + x1] as number) * fx;
      data[y * outWidth + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { data, width: outWidth, height: outHeight };
}
