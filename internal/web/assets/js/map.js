// Map: the places of the events that match the filters, as circles sized by
// their number of events and coloured by their Goldstein mean, over country
// outlines drawn from the vendored Natural Earth data (no tile server: the
// dashboard works offline).

import * as L from "../vendor/leaflet/leaflet-src.esm.js";
import { feature } from "../vendor/topojson-client/src/index.js";
import { h, num, dec, filterForm, table, link, hashFor, emptyNote } from "./dom.js";
import { get, getURL, apiURL } from "./api.js";
import { goldsteinColor } from "./cameo.js";
import { eventFields, filterParams } from "./events.js";

const worldURL = new URL("../vendor/world-atlas/countries-110m.json", import.meta.url).href;
let countries = null; // the GeoJSON, converted once

async function loadCountries(signal) {
  if (!countries) {
    const topo = await getURL(worldURL, signal);
    countries = feature(topo, topo.objects.countries);
  }
  return countries;
}

export async function render(root, params, ctx) {
  const filters = filterParams(params);
  root.append(h("h2", {}, "Map of event places"));
  root.append(filterForm("map-form", eventFields, params, (values) => ctx.navigate(["map"], filterParams(values))));
  const results = h("div", { class: "results" });
  root.append(results);

  const [world, body] = await Promise.all([loadCountries(ctx.signal), get("/places", filters, ctx.signal)]);
  const places = body.places || [];
  const located = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));

  const mapEl = h("div", { id: "map", class: "map", role: "img", "aria-label": `Map of ${located.length} event places; the table below lists them` });
  results.append(mapEl, legend());
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

  L.geoJSON(world, {
    interactive: false,
    style: { color: "#9a9a90", weight: 0.7, fillColor: "#f3f1ea", fillOpacity: 1, className: "country" },
  }).addTo(map);

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
  if (missing > 0) results.append(h("p", { class: "sub" }, `${num(missing)} places without coordinates are not on the map.`));
  if (places.length > 0) {
    results.append(table("Places, with their events", [
      { label: "Place", cell: (p) => link(["events"], { ...filters, place: p.name }, p.name) },
      { label: "Country", cell: (p) => p.country || "–" },
      { label: "Events", class: "n", cell: (p) => num(p.events) },
      { label: "Goldstein mean", class: "n", cell: (p) => [h("span", { class: "swatch" }), dec(p.goldstein_mean)] },
      { label: "Latitude", class: "n", cell: (p) => dec(p.lat, 2) },
      { label: "Longitude", class: "n", cell: (p) => dec(p.lon, 2) },
    ], places));
    // Swatches get their colour through the CSSOM: the CSP allows no style attributes.
    results.querySelectorAll("tbody tr").forEach((tr, i) => {
      const sw = tr.querySelector(".swatch");
      if (sw) sw.style.backgroundColor = goldsteinColor(places[i].goldstein_mean);
    });
  }
  results.append(h("p", { class: "raw" }, h("a", { href: apiURL("/places", filters) }, "These places as JSON")));
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

function legend() {
  const stops = [-10, -6, -3, 0, 3, 6, 10];
  const el = h("div", { class: "legend", "aria-label": "Colour key" },
    h("span", {}, "Goldstein mean:"),
    stops.map((g) => {
      const sw = h("span", { class: "swatch" });
      sw.style.backgroundColor = goldsteinColor(g);
      return h("span", { class: "stop" }, sw, g > 0 ? `+${g}` : String(g));
    }),
    h("span", { class: "sub" }, "· larger circles: more events"));
  return el;
}
