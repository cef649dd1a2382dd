// Side effects of the citizen map: its layers of facilities and zones (permits and roll units register theirs).
import { registerMapLayer } from '../../../platform/geo/map-layers.ts';
import { findPlacesInBox, findZonesInBox } from './map-layers.ts';
import './messages.ts';

registerMapLayer({
  id: 'portal.places',
  title: { fr: 'Installations et lieux d’intérêt', en: 'Facilities and points of interest' },
  query: findPlacesInBox,
});
registerMapLayer({
  id: 'portal.zoning',
  title: { fr: 'Zonage', en: 'Zoning' },
  query: findZonesInBox,
});
