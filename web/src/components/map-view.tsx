// Leaflet map: offline basemap (world-atlas countries as GeoJSON, no tiles), grid-clustered event markers.
import L from 'leaflet';
import { useEffect, useRef } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json' with { type: 'json' };
import type { StoredEvent } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { gridCluster } from '../lib/cluster.ts';
import { markerRadius, typeColor } from '../lib/colors.ts';

interface MapEvent {
  id: string;
  event_type: string;
  latitude: number | null;
  longitude: number | null;
  fatalities: number;
  location: string | null;
  event_date: string | null;
}

const topo = countries as unknown as Topology<{ countries: GeometryCollection }>;
const basemap = feature(topo, topo.objects.countries);

function textEl(tag: string, className: string, text: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

export function MapView(props: { events: ReadonlyArray<MapEvent | StoredEvent>; onOpen(id: string): void; fitKey?: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const located = props.events.filter((e) => typeof e.latitude === 'number' && typeof e.longitude === 'number');
  const latest = useRef({ located, onOpen: props.onOpen, t });
  latest.current = { located, onOpen: props.onOpen, t };

  const draw = () => {
    const m = map.current;
    const g = layer.current;
    if (!m || !g) return;
    g.clearLayers();
    const { located: evs, onOpen, t: tr } = latest.current;
    const zoom = m.getZoom();
    const pts = evs.map((e) => {
      const p = m.project([e.latitude as number, e.longitude as number], zoom);
      return { x: p.x, y: p.y, item: e };
    });
    for (const c of gridCluster(pts, 48)) {
      const latlng = m.unproject([c.x, c.y], zoom);
      if (c.items.length === 1) {
        const e = c.items[0];
        const mk = L.circleMarker([e.latitude as number, e.longitude as number], {
          radius: markerRadius(e.fatalities),
          color: '#222',
          weight: 1,
          fillColor: typeColor(e.event_type),
          fillOpacity: 0.85,
          className: 'ev-marker',
        });
        mk.bindTooltip(textEl('span', 'ev-tip', `${e.event_date ?? ''} · ${e.location ?? ''} · ${e.fatalities}`), { direction: 'top' });
        mk.on('click', () => onOpen(e.id));
        mk.addTo(g);
      } else {
        const n = c.items.length;
        const size = Math.min(56, 26 + Math.sqrt(n) * 4);
        const el = textEl('div', 'ev-cluster-inner', String(n));
        el.dataset.count = String(n);
        el.title = tr('map.cluster', { n });
        const mk = L.marker(latlng, {
          icon: L.divIcon({ html: el, className: 'ev-cluster', iconSize: [size, size] }),
          keyboard: true,
          title: tr('map.cluster', { n }),
        });
        mk.on('click', () => {
          const b = L.latLngBounds(c.items.map((e) => [e.latitude as number, e.longitude as number] as [number, number]));
          m.fitBounds(b.pad(0.5), { maxZoom: Math.max(m.getZoom() + 2, 8) });
        });
        mk.addTo(g);
      }
    }
  };

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { minZoom: 2, maxZoom: 14, worldCopyJump: true, zoomSnap: 0.5 });
    L.geoJSON(basemap, {
      interactive: false,
      style: { color: '#8a8f98', weight: 0.7, fillColor: '#f3efe6', fillOpacity: 1 },
    }).addTo(m);
    m.attributionControl.setPrefix(false);
    m.attributionControl.addAttribution('Natural Earth · world-atlas');
    m.setView([33.5, 40], 5);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    m.on('zoomend', draw);
    draw();
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (m && located.length > 0) {
      const b = L.latLngBounds(located.map((e) => [e.latitude as number, e.longitude as number] as [number, number]));
      m.fitBounds(b.pad(0.3), { maxZoom: 6, animate: false });
    }
    draw();
  }, [props.events, props.fitKey]);

  return (
    <div class="map-wrap">
      <div ref={box} class="map" dir="ltr" data-testid="map" />
      <p class="map-count" data-testid="map-count" data-count={located.length}>
        {t('map.count', { n: located.length })}
      </p>
    </div>
  );
}
