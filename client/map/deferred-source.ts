/**
 * A source the first view can do without, added once the zones are drawn. The boundary tiles
 * (four at the first view) were parsed, laid out and labelled by the same worker, and their
 * labels' glyphs drawn on the same main thread, ahead of the bubbles: the zones came ~20 % later.
 * The style stays one piece of data (buildStyle); this only holds one source and its layers back
 * and puts them where they stand in it.
 */
import type { LayerSpecification, Map as MlMap, StyleSpecification } from 'maplibre-gl';

const readsFrom = (layer: LayerSpecification, source: string) => 'source' in layer && layer.source === source;

/** The style without the source and the layers that read it. */
export function withoutSource(style: StyleSpecification, source: string): StyleSpecification {
  const { [source]: _held, ...sources } = style.sources;
  return { ...style, sources, layers: style.layers.filter((l) => !readsFrom(l, source)) };
}

/** Adds the source and its layers from `style` (the whole style), each layer at its place in the order. */
export function addSource(map: MlMap, style: StyleSpecification, source: string) {
  const spec = style.sources[source];
  if (!spec || map.getSource(source)) return;
  map.addSource(source, spec);
  style.layers.forEach((layer, i) => {
    if (!readsFrom(layer, source)) return;
    const before = style.layers.slice(i + 1).find((n) => map.getLayer(n.id))?.id;
    map.addLayer(layer, before);
  });
}
