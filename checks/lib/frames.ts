import type { RenderedHomepage } from '../../crawlers/artifacts.ts';

/** A homepage with fewer links than this of its own, and frames, keeps its content in the frames. */
const FEW_LINKS = 10;

/** The frames (<frame>, <iframe>) the rendered homepage loads; their content is not among its artifacts. */
export function frameUrls(home: RenderedHomepage): string[] {
  return [...new Set(home.resources.filter((r) => r.kind === 'frame').map((r) => r.url))];
}

/**
 * The frame URLs when the homepage shows almost nothing but frames (a frameset, or a page whose menus sit
 * in an iframe): what a check looks for among its links is then most likely inside a frame. Empty otherwise.
 */
export function contentInFrames(home: RenderedHomepage): string[] {
  return home.links.length < FEW_LINKS ? frameUrls(home) : [];
}
