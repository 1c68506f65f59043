/** Gathering what OCR reads in the header's images, when it can change header-full-name's outcome. */
import { graphicsToRead } from '../../checks/lib/header-name.ts';
import type { Gathered, HeaderOcr, RenderedHomepage } from '../../crawlers/artifacts.ts';
import { readHeaderImages } from '../../crawlers/header-ocr/read-header.ts';
import type { Site } from '../registry/site.ts';
import type { gatherer } from './gather.ts';

/**
 * Reads the header screenshot's graphics without text alternative, or gives undefined when OCR
 * cannot matter (the name is shown as text, or nothing may draw it) or there is no screenshot.
 * A failure (tesseract missing, killed at its deadline) is logged by `gather` and leaves the rule as
 * it is without OCR.
 */
export function gatherHeaderOcr(
  site: Site,
  rendered: Gathered<RenderedHomepage>,
  screenshot: Uint8Array | undefined,
  gather: ReturnType<typeof gatherer>,
  options: { lock?: string; signal?: AbortSignal } = {},
): Promise<Gathered<HeaderOcr>> | undefined {
  if (!rendered.ok || !screenshot) return undefined;
  const graphics = graphicsToRead(rendered.value, site.fullName);
  if (graphics.length === 0) return undefined;
  return gather('headerOcr', () =>
    readHeaderImages(
      screenshot,
      graphics.map((g) => g.box),
      options,
    ),
  );
}
