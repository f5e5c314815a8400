// Map: the countries shaded by the number or the Goldstein mean of the events
// that match the filters, and the places of those events as circles sized by
// their number of events and coloured by their Goldstein mean, over country
// outlines drawn from the vendored Natural Earth data (no tile server: the
// dashboard works offline).

import * as L from "../vendor/leaflet/leaflet-src.esm.js";
import { feature } from "../vendor/topojson-client/src/index.js";
import { h, num, dec, filterForm, table, link, hashFor, emptyNote, errorBox } from "./dom.js";
import { get, getURL, apiURL } from "./api.js";
import { goldsteinColor } from "./cameo.js";
import { eventFields, filterParams } from "./events.js";

const worldURL = new URL("../vendor/world-atlas/countries-110m.json", import.meta.url).href;
// i18n-iso-countries' table of ISO 3166-1 codes: [alpha-2, alpha-3, numeric, …] rows.
const codesURL = new URL("../vendor/i18n-iso-countries/codes.json", import.meta.url).href;
let world = null; // {countries: GeoJSON, numeric: Map alpha-2 → numeric id}

// Natural Earth shapes without an ISO numeric id, by name.
const unnumbered = { XK: "Kosovo" };

async function loadWorld(signal) {
  if (!world) {
    const [topo, codes] = await Promise.all([getURL(worldURL, signal), getURL(codesURL, signal)]);
    const countries = feature(topo, topo.objects.countries);
    for (const f of countries.features) unwrap(f.geometry);
    world = {
      countries,
      numeric: new Map(codes.map((c) => [c[0], c[2]])),
    };
  }
  return world;
}

const shades = [["events", "Number of events"], ["goldstein", "Goldstein mean"], ["none", "Nothing"]];

// eventsPalette shades countries by their number of events, light to dark.
// (ColorBrewer's Purples: apart from the red and blue of the Goldstein scale).
const eventsPalette = ["#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#4a1486"];
const landColor = "#f3f1ea";

// eventBins splits 1..max into at most 6 classes of growing (logarithmic) width.
export function eventBins(max) {
  const edges = [1];
  const k = eventsPalette.length;
  for (let i = 1; i <= k; i++) {
    const e = Math.ceil(Math.exp((Math.log(max + 1) * i) / k) - 1e-9);
    if (e > edges[edges.length - 1]) edges.push(e);
  }
  if (edges[edges.length - 1] <= max) edges.push(max + 1);
  // [lo, hi] classes: edges[i] .. edges[i+1]-1
  return edges.slice(0, -1).map((lo, i) => ({ lo, hi: Math.min(max, edges[i + 1] - 1), color: eventsPalette[i] }));
}

export async function render(root, params, ctx) {
  const filters = filterParams(params);
  let shade = shades.some(([s]) => s === params.shade) ? params.shade : "events";
  root.append(h("h2", {}, "Map of event places"));
  root.append(filterForm("map-form", eventFields, params,
    (values) => ctx.navigate(["map"], { ...filterParams(values), shade: shade === "events" ? "" : shade })));
  const results = h("div", { class: "results" });
  root.append(results);

  const countriesReq = get("/countries", filters, ctx.signal).then((b) => ({ list: b.countries || [] }), (err) => {
    if (err.name === "AbortError") throw err;
    return { err };
  });
  const [w, body, cres] = await Promise.all([loadWorld(ctx.signal), get("/places", filters, ctx.signal), countriesReq]);
  const places = body.places || [];
  const located = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));

  // The countries' figures, by the numeric id of their shape.
  const byShape = new Map();
  const unmapped = [];
  const shapeIDs = new Set(w.countries.features.map((f) => f.id ?? unnumberedID(f)));
  const shapeOf = (iso2) => {
    if (!iso2) return null;
    const n = w.numeric.get(iso2);
    if (n && shapeIDs.has(n)) return n;
    const named = unnumbered[iso2] && "name:" + unnumbered[iso2];
    return named && shapeIDs.has(named) ? named : null;
  };
  for (const c of cres.list || []) {
    const id = shapeOf(c.iso2);
    if (!id) {
      unmapped.push(c);
      continue;
    }
    const s = byShape.get(id) || { events: 0, gsum: 0, rows: [] };
    s.events += c.events || 0;
    s.gsum += (c.goldstein_mean || 0) * (c.events || 0);
    s.rows.push(c);
    byShape.set(id, s);
  }
  const maxEvents = Math.max(1, ...[...byShape.values()].map((s) => s.events));
  const bins = eventBins(maxEvents);
  const figures = (f) => byShape.get(f.id ?? unnumberedID(f));
  const style = (f) => {
    const s = figures(f);
    let fill = landColor;
    if (s && shade === "events") fill = bins.find((b) => s.events <= b.hi)?.color || eventsPalette[eventsPalette.length - 1];
    if (s && shade === "goldstein") fill = goldsteinColor(s.gsum / s.events);
    return {
      color: "#9a9a90", weight: 0.7, fillColor: fill, fillOpacity: 1,
      className: s && shade !== "none" ? "country shaded" : "country",
    };
  };

  const toggle = h("fieldset", { class: "shade-toggle" },
    h("legend", {}, "Shade countries by"),
    shades.map(([value, label]) => h("label", {},
      h("input", { type: "radio", name: "shade", value, checked: value === shade }), " ", label)));
  const mapEl = h("div", { id: "map", class: "map", role: "img", "aria-label": `Map of ${located.length} event places and ${byShape.size} countries; the tables below list them` });
  const legendEl = h("div", { class: "legend", id: "map-legend", "aria-label": "Colour key" });
  results.append(toggle, mapEl, legendEl);
  if (cres.err) results.append(errorBox(cres.err));
  const map = L.map(mapEl, {
    renderer: L.svg({ padding: 0.5 }),
    minZoom: 1,
    maxZoom: 9,
    zoomSnap: 0.5,
    worldCopyJump: false,
    maxBounds: [[-89, -250], [89, 250]],
    attributionControl: true,
  });
  ctx.onCleanup(() => map.remove());
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth (world-atlas) · Leaflet");

  const geo = L.geoJSON(w.countries, {
    style,
    onEachFeature: (f, layer) => {
      const s = figures(f);
      if (s) layer.bindTooltip(countryTip(f, s), { sticky: true });
    },
  }).addTo(map);
  const paint = () => {
    // setStyle does not change a path's class: set it by hand.
    geo.eachLayer((layer) => {
      const st = style(layer.feature);
      layer.setStyle(st);
      const el = layer.getElement && layer.getElement();
      if (el) el.setAttribute("class", `${st.className} leaflet-interactive`);
    });
    legendEl.replaceChildren(...legend(shade, bins));
  };
  paint();
  toggle.addEventListener("change", (e) => {
    if (e.target.name !== "shade") return;
    shade = e.target.value;
    history.replaceState(null, "", hashFor(["map"], { ...filters, shade: shade === "events" ? "" : shade }));
    paint();
  });

  const max = Math.max(1, ...located.map((p) => p.events || 0));
  const markers = L.featureGroup();
  // The biggest circles first, so that small ones stay clickable on top.
  for (const p of located.slice().sort((x, y) => (y.events || 0) - (x.events || 0))) {
    const radius = 4 + 18 * Math.sqrt((p.events || 0) / max);
    const m = L.circleMarker([p.lat, p.lon], {
      radius,
      color: "#333",
      weight: 1,
      fillColor: goldsteinColor(p.goldstein_mean),
      fillOpacity: 0.85,
      className: "place-marker",
    });
    m.bindTooltip(tooltip(p), { direction: "top" });
    m.bindPopup(popup(p, filters));
    markers.addLayer(m);
  }
  markers.addTo(map);
  if (located.length > 0) {
    map.fitBounds(markers.getBounds(), { padding: [40, 40], maxZoom: 5 });
  } else {
    map.fitBounds([[-55, -170], [75, 190]]);
  }
  // The container got its size after layout; let Leaflet measure it again.
  requestAnimationFrame(() => map.invalidateSize());

  const missing = places.length - located.length;
  if (places.length === 0) results.append(emptyNote("No places for these filters."));
  if (missing > 0) results.append(h("p", { class: "sub" }, missing === 1 ? "1 place without coordinates is not on the map." : `${num(missing)} places without coordinates are not on the map.`));
  const countries = cres.list || [];
  if (countries.length > 0) {
    const names = new Map(w.countries.features.map((f) => [f.id ?? unnumberedID(f), f.properties && f.properties.name]));
    const nameOf = (c) => names.get(shapeOf(c.iso2)) || "";
    const tbl = table("Countries, with their events", [
      { label: "Country", cell: (c) => link(["events"], { ...filters, place: c.country }, nameOf(c) || c.country) },
      { label: "FIPS", class: "code", cell: (c) => c.country },
      { label: "ISO", class: "code", cell: (c) => c.iso2 || "–" },
      { label: "Events", class: "n", cell: (c) => num(c.events) },
      { label: "Goldstein mean", class: "n", cell: (c) => [h("span", { class: "swatch" }), dec(c.goldstein_mean)] },
    ], countries);
    tbl.classList.add("countries-table");
    tbl.querySelectorAll("tbody tr").forEach((tr, i) => {
      const sw = tr.querySelector(".swatch");
      if (sw) sw.style.backgroundColor = goldsteinColor(countries[i].goldstein_mean);
    });
    results.append(tbl);
    if (unmapped.length > 0) {
      results.append(h("p", { class: "sub" }, `${unmapped.length === 1 ? "1 country has" : `${num(unmapped.length)} countries have`} no shape on this map: ${unmapped.map((c) => c.country).join(", ")}.`));
    }
  }
  if (places.length > 0) {
    const tbl = table("Places, with their events", [
      { label: "Place", cell: (p) => link(["events"], { ...filters, place: p.name }, p.name) },
      { label: "Country", cell: (p) => p.country || "–" },
      { label: "Events", class: "n", cell: (p) => num(p.events) },
      { label: "Goldstein mean", class: "n", cell: (p) => [h("span", { class: "swatch" }), dec(p.goldstein_mean)] },
      { label: "Latitude", class: "n", cell: (p) => dec(p.lat, 2) },
      { label: "Longitude", class: "n", cell: (p) => dec(p.lon, 2) },
    ], places);
    tbl.classList.add("places-table");
    // Swatches get their colour through the CSSOM: the CSP allows no style attributes.
    tbl.querySelectorAll("tbody tr").forEach((tr, i) => {
      const sw = tr.querySelector(".swatch");
      if (sw) sw.style.backgroundColor = goldsteinColor(places[i].goldstein_mean);
    });
    results.append(tbl);
  }
  results.append(h("p", { class: "raw" },
    h("a", { href: apiURL("/places", filters) }, "These places as JSON"), " · ",
    h("a", { href: apiURL("/countries", filters) }, "these countries as JSON")));
}

// unwrap makes the rings of a geometry that cross the antimeridian (Russia,
// Fiji, the Aleutians) continuous, 179° followed by 181° rather than −179°,
// so that Leaflet does not draw them across the whole map. A ring that then
// no longer closes (Antarctica, round the pole) is left as it was.
function unwrap(g) {
  if (!g) return;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  for (const poly of polygons) {
    poly.forEach((ring, i) => {
      const out = [ring[0]];
      let prev = ring[0][0];
      let moved = false;
      for (let k = 1; k < ring.length; k++) {
        let lon = ring[k][0];
        while (lon - prev > 180) lon -= 360;
        while (lon - prev < -180) lon += 360;
        if (lon !== ring[k][0]) moved = true;
        out.push([lon, ring[k][1]]);
        prev = lon;
      }
      const last = out[out.length - 1];
      if (moved && Math.abs(last[0] - out[0][0]) < 1e-6) poly[i] = out;
    });
  }
}

function unnumberedID(f) {
  return "name:" + ((f.properties && f.properties.name) || "");
}

function countryTip(f, s) {
  const name = (f.properties && f.properties.name) || s.rows.map((r) => r.iso2).join("/");
  return h("div", {}, h("strong", {}, name), h("br"), `${num(s.events)} events · Goldstein mean ${dec(s.gsum / s.events)}`);
}

function tooltip(p) {
  return h("div", {}, h("strong", {}, p.name), h("br"), `${num(p.events)} events · Goldstein ${dec(p.goldstein_mean)}`);
}

function popup(p, filters) {
  return h("div", { class: "popup" },
    h("strong", {}, p.name), p.country ? ` (${p.country})` : "", h("br"),
    `${num(p.events)} events, Goldstein mean ${dec(p.goldstein_mean)}`, h("br"),
    h("a", { href: hashFor(["events"], { ...filters, place: p.name }) }, "Events here →"));
}

function swatch(color, square) {
  const sw = h("span", { class: square ? "swatch square" : "swatch" });
  sw.style.backgroundColor = color;
  return sw;
}

// legend is the colour key of the countries and of the circles.
function legend(shade, bins) {
  const rows = [];
  if (shade === "events") {
    rows.push(h("div", { class: "legend-row", "data-legend": "events" },
      h("span", { class: "legend-title" }, "Countries, events:"),
      bins.map((b) => h("span", { class: "stop" }, swatch(b.color, true), b.lo === b.hi ? num(b.lo) : `${num(b.lo)}–${num(b.hi)}`)),
      h("span", { class: "stop" }, swatch(landColor, true), "none")));
  } else if (shade === "goldstein") {
    rows.push(h("div", { class: "legend-row", "data-legend": "goldstein" },
      h("span", { class: "legend-title" }, "Countries: Goldstein mean, as the circles"),
      h("span", { class: "stop" }, swatch(landColor, true), "no events")));
  }
  const stops = [-10, -6, -3, 0, 3, 6, 10];
  rows.push(h("div", { class: "legend-row", "data-legend": "places" },
    h("span", { class: "legend-title" }, "Circles (places), Goldstein mean:"),
    stops.map((g) => h("span", { class: "stop" }, swatch(goldsteinColor(g)), g > 0 ? `+${g}` : String(g))),
    h("span", { class: "sub" }, "· larger circles: more events")));
  return rows;
}
