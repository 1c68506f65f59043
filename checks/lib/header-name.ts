/** Where the registered name may be in the header area: as text, as a text alternative, or drawn. */
import type { RenderedGraphic, RenderedHomepage } from '../../crawlers/artifacts.ts';
import { compact } from './text.ts';

/** A graphic at least this large in the header may carry the name drawn as pixels. */
const MIN_NAME_GRAPHIC = { width: 100, height: 30 };

/** True when the header shows `name` (compacted) as visible text or a text alternative. */
export function nameShown(page: RenderedHomepage, name: string): boolean {
  const texts = page.texts.filter((t) => t.inHeader && t.visible);
  if (texts.some((t) => compact(t.text).includes(name))) return true;
  // A name split across elements (<span>四川省</span><span>人民政府</span>) reads whole in document order.
  if (compact(texts.map((t) => t.text).join('')).includes(name)) return true;
  const alternatives = [
    ...page.graphics.filter((g) => g.inHeader && g.visible).flatMap((g) => [g.alt, g.title, g.ariaLabel]),
    // A link's text is not read: it includes text nodes hidden inside the link (<span hidden>全称</span>);
    // its visible text is among `texts`, the alt of its image among the graphics.
    ...page.links.filter((l) => l.inHeader && l.visible).flatMap((l) => [l.title, l.ariaLabel]),
  ];
  return alternatives.some((alt) => alt !== undefined && compact(alt).includes(name));
}

export function hasTextAlternative(graphic: RenderedGraphic): boolean {
  return [graphic.alt, graphic.title, graphic.ariaLabel].some((a) => (a ?? '').trim() !== '');
}

/** A visible header graphic without text alternative, large enough to carry the name drawn in it. */
export function mayDrawName(graphic: RenderedGraphic): boolean {
  return (
    graphic.inHeader &&
    graphic.visible &&
    !hasTextAlternative(graphic) &&
    graphic.box.width >= MIN_NAME_GRAPHIC.width &&
    graphic.box.height >= MIN_NAME_GRAPHIC.height
  );
}

/**
 * The graphics OCR should read, or none when reading them cannot change the outcome: the name is in
 * the header already, or nothing there may draw it.
 */
export function graphicsToRead(page: RenderedHomepage, fullName: string): RenderedGraphic[] {
  if (nameShown(page, compact(fullName))) return [];
  return page.graphics.filter(mayDrawName);
}
