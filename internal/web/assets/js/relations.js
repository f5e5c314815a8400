// Relations barometer: the Goldstein mean of the events between two actors,
// period by period, with its confidence interval, the tone and the counts per
// quad class, and the API's verdict on the latest period. A period chosen on a
// chart or in the table lists its events below the charts.

import uPlot from "../vendor/uplot/uPlot.esm.js";
import { h, num, dec, filterForm, table, emptyNote, hashFor, link, errorBox } from "./dom.js";
import { get, apiURL } from "./api.js";
import { quads } from "./cameo.js";
import { actorSuggest } from "./actors.js";
import { eventsTable } from "./events.js";

const defaults = { a: "USA", b: "RUS", by: "week", directed: "false" };
const actorPattern = "[A-Za-z0-9]{3,15}";
const actorTitle = "a CAMEO actor code: a country (USA) or a longer code (USAGOV), 3 to 15 letters or digits";

const periodNames = { day: "days", week: "weeks", month: "months", year: "years" };

export async function render(root, params, ctx) {
  const q = { ...defaults, ...params };
  const arrow = q.directed === "true" ? "→" : "–";
  root.append(h("h2", {}, `Relations barometer: ${q.a} ${arrow} ${q.b}`));
  root.append(filterForm("relations-form", [
    { name: "a", label: "Actor A", pattern: actorPattern, title: actorTitle, size: 10, upper: true, enhance: actorSuggest },
    { name: "b", label: "Actor B", pattern: actorPattern, title: actorTitle, size: 10, upper: true, enhance: actorSuggest },
    { name: "by", label: "Period", type: "select", options: [["day", "Day"], ["week", "Week"], ["month", "Month"], ["year", "Year"]] },
    { name: "since", label: "Since", type: "date" },
    { name: "until", label: "Until", type: "date" },
    { name: "min_events", label: "Min. events", type: "number", min: 1, placeholder: "10", size: 5 },
    { name: "directed", label: "Directed (A as source, B as target only)", type: "checkbox" },
  ], q, (values) => ctx.navigate(["relations"], values)));

  const results = h("div", { class: "results" });
  root.append(results);

  const apiParams = { a: q.a, b: q.b, by: q.by, directed: q.directed, since: q.since, until: q.until, min_events: q.min_events };
  const report = await get("/relations", apiParams, ctx.signal);
  const series = report.series || [];
  const v = report.verdict || {};

  results.append(verdictBox(report, v));
  if (series.length === 0) {
    results.append(emptyNote("No events between these actors in this range."));
    results.append(jsonLink(apiParams));
    return;
  }

  const charts = h("div", { class: "charts" });
  results.append(charts);
  const meanEl = h("figure", { class: "chart", id: "chart-mean" },
    h("figcaption", {}, `Goldstein mean per ${q.by}, with its ${pct(report.confidence)} confidence interval (−10 conflict … +10 cooperation)`));
  const toneEl = h("figure", { class: "chart", id: "chart-tone" },
    h("figcaption", {}, `Tone mean per ${q.by}: the articles' tone (negative: hostile wording)`));
  const countEl = h("figure", { class: "chart", id: "chart-counts" },
    h("figcaption", {}, `Events per ${q.by} by quad class`));
  charts.append(h("p", { class: "sub chart-hint", id: "chart-hint" },
    `Click a ${q.by} on a chart, or its date in the table, to list its events below.`), meanEl, toneEl, countEl);

  const xs = series.map((r) => Date.parse(r.start + "T00:00:00Z") / 1000);
  const width = () => Math.max(280, charts.clientWidth - 2);
  const cursor = { sync: { key: "relations" } };
  const tzDate = (ts) => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC");
  const verdictIdx = series.findIndex((r) => r.period === v.period);
  let selected = -1; // the index of the period whose events are listed
  const marks = (u) => drawMarks(u, verdictIdx >= 0 ? xs[verdictIdx] : null, selected >= 0 ? xs[selected] : null);

  const meanPlot = new uPlot({
    width: width(),
    height: 300,
    tzDate,
    cursor,
    scales: { x: { time: true }, y: { range: meanRange } },
    axes: [{}, { label: "Goldstein mean", size: 56 }],
    series: [
      { label: "Period", value: (u, ts) => (ts == null ? "–" : periodLabel(series, xs, ts)) },
      { label: "Goldstein mean", stroke: "#222", width: 2, points: { size: 5, fill: "#222" }, value: (u, x) => dec(x) },
      { label: "CI low", stroke: "rgba(60,100,170,0.45)", width: 1, points: { show: false }, value: (u, x) => dec(x) },
      { label: "CI high", stroke: "rgba(60,100,170,0.45)", width: 1, points: { show: false }, value: (u, x) => dec(x) },
      { label: "Earlier average", stroke: "#8a8a8a", width: 1, dash: [6, 4], points: { show: false }, value: (u, x) => dec(x) },
    ],
    bands: [{ series: [3, 2], fill: "rgba(60,100,170,0.16)" }],
    hooks: { draw: [marks] },
  }, [
    xs,
    series.map((r) => r.goldstein_mean),
    series.map((r) => r.ci_low),
    series.map((r) => r.ci_high),
    series.map(() => (v.baseline ?? null)),
  ], meanEl);

  const tonePlot = new uPlot({
    width: width(),
    height: 160,
    tzDate,
    cursor,
    scales: { x: { time: true }, y: { range: toneRange } },
    axes: [{}, { label: "Tone mean", size: 56 }],
    series: [
      { label: "Period", value: (u, ts) => (ts == null ? "–" : periodLabel(series, xs, ts)) },
      { label: "Tone mean", stroke: "#7b3294", width: 2, points: { size: 4, fill: "#7b3294" }, value: (u, x) => dec(x) },
    ],
    hooks: { draw: [marks] },
  }, [xs, series.map((r) => r.tone_mean ?? null)], toneEl);

  // Stacked bars: each series is the running total up to its class, drawn
  // from the top class down so that the lower ones paint over the higher.
  const stacked = [];
  let acc = series.map(() => 0);
  for (const c of quads) {
    acc = acc.map((s, i) => s + (series[i][c.key] || 0));
    stacked.push(acc);
  }
  const bars = uPlot.paths.bars({ size: [0.85, 48], align: 0 });
  const countPlot = new uPlot({
    width: width(),
    height: 200,
    tzDate,
    cursor,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.05] } },
    axes: [{}, { label: "Events", size: 56 }],
    series: [
      { label: "Period", value: (u, ts) => (ts == null ? "–" : periodLabel(series, xs, ts)) },
      ...quads.slice().reverse().map((c) => ({
        label: c.label,
        stroke: c.color,
        fill: c.color,
        width: 0,
        paths: bars,
        points: { show: false },
        value: (u, x, si, di) => (di == null ? "–" : num(series[di][c.key])),
      })),
    ],
    hooks: { draw: [marks] },
  }, [xs, ...stacked.slice().reverse()], countEl);
  const plots = [meanPlot, tonePlot, countPlot];
  const heights = [300, 160, 200];

  const ro = new ResizeObserver(() => {
    const w = width();
    plots.forEach((p, i) => p.setSize({ width: w, height: heights[i] }));
  });
  ro.observe(charts);

  // The events of a period, below the charts.
  const periodBox = h("section", { class: "period-events", id: "period-events", "aria-labelledby": "period-heading" });
  let periodController = null;
  const rowsByPeriod = new Map();
  const select = (i, user) => {
    if (i < 0 || i >= series.length) return;
    selected = i;
    plots.forEach((p) => p.redraw(false));
    for (const [p, tr] of rowsByPeriod) tr.classList.toggle("selected", p === series[i].period);
    history.replaceState(null, "", hashFor(["relations"], { ...params, period: series[i].period }));
    if (periodController) periodController.abort();
    periodController = new AbortController();
    listPeriod(periodBox, q, series[i], periodController.signal, user);
  };
  for (const p of plots) {
    let down = null;
    p.over.addEventListener("mousedown", (e) => { down = [e.clientX, e.clientY]; });
    p.over.addEventListener("click", (e) => {
      // A drag zooms; only a click chooses a period.
      if (down && Math.hypot(e.clientX - down[0], e.clientY - down[1]) > 4) return;
      const i = p.posToIdx(e.clientX - p.over.getBoundingClientRect().left);
      select(i, true);
    });
  }
  ctx.onCleanup(() => {
    ro.disconnect();
    if (periodController) periodController.abort();
    plots.forEach((p) => p.destroy());
  });

  periodBox.append(h("h3", { id: "period-heading", tabindex: "-1" }, `Events of a ${q.by}`),
    emptyNote(`Choose a ${q.by} on a chart or in the table.`));
  const tableEl = seriesTable(report, series, v, (r) => select(series.indexOf(r), true));
  for (const tr of tableEl.querySelectorAll("tbody tr")) rowsByPeriod.set(tr.dataset.period, tr);
  results.append(periodBox, tableEl, jsonLink(apiParams));
  const start = series.findIndex((r) => r.period === params.period);
  if (start >= 0) select(start, false);
}

// periodEnd is the last day of the period that starts on start (YYYY-MM-DD).
export function periodEnd(start, by) {
  const d = new Date(start + "T00:00:00Z");
  if (Number.isNaN(d.getTime())) return start;
  let end;
  switch (by) {
    case "day": end = d; break;
    case "month": end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)); break;
    case "year": end = new Date(Date.UTC(d.getUTCFullYear(), 11, 31)); break;
    default: end = new Date(d.getTime() + 6 * 86400e3); // a week
  }
  return end.toISOString().slice(0, 10);
}

// listPeriod lists the events of one period in box: those the barometer counted.
async function listPeriod(box, q, row, signal, focus) {
  let since = row.start;
  let until = periodEnd(row.start, q.by);
  if (q.since && q.since > since) since = q.since;
  if (q.until && q.until < until) until = q.until;
  const directed = q.directed === "true";
  const filters = { source: q.a, target: q.b, both: directed ? "" : "true", since, until };
  const limit = 100;
  // The heading stays, so that it keeps the focus while the events load.
  let heading = box.querySelector("#period-heading");
  if (!heading) {
    heading = h("h3", { id: "period-heading", tabindex: "-1" });
    box.prepend(heading);
  }
  heading.textContent = `Events of the ${q.by} of ${row.period}: ${q.a} ${directed ? "→" : "–"} ${q.b}`;
  const content = h("div", { class: "period-content" }, h("p", { class: "sub" }, "Loading…"));
  while (heading.nextSibling) heading.nextSibling.remove();
  box.append(content);
  box.setAttribute("aria-busy", "true");
  if (focus) {
    heading.focus({ preventScroll: true });
    box.scrollIntoView({ block: "nearest" });
  }
  let body;
  try {
    body = await get("/events", { ...filters, limit }, signal);
  } catch (err) {
    if (err.name === "AbortError") return;
    content.replaceChildren(errorBox(err));
    box.removeAttribute("aria-busy");
    return;
  }
  const events = body.events || [];
  const all = link(["events"], { ...filters, limit }, "these events in the Events view →");
  content.replaceChildren(
    h("p", { class: "sub" },
      events.length >= limit ? `The first ${num(limit)} events (the barometer counted ${num(row.events)}); page through ` : `${num(events.length)} events (the barometer counted ${num(row.events)}); `,
      all),
    events.length ? eventsTable(events, `Events between ${q.a} and ${q.b}, ${since} to ${until}`) : emptyNote("No events in this period."));
  box.removeAttribute("aria-busy");
}

function pct(c) {
  return `${Math.round((c || 0.95) * 100)}%`;
}

// meanRange keeps 0 in view and pads the data's range.
function meanRange(u, min, max) {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [-10, 10];
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  const pad = Math.max(0.5, (hi - lo) * 0.08);
  return [Math.max(-10, lo - pad), Math.min(10, hi + pad)];
}

// toneRange keeps 0 in view and pads the data's range.
function toneRange(u, min, max) {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [-10, 10];
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  const pad = Math.max(0.5, (hi - lo) * 0.1);
  return [lo - pad, hi + pad];
}

// drawMarks draws the zero line, marks the judged period and the chosen one.
function drawMarks(u, verdictX, selectedX) {
  const c = u.ctx;
  const { left, top, width, height } = u.bbox;
  c.save();
  const y0 = u.valToPos(0, "y", true);
  if (y0 >= top && y0 <= top + height) {
    c.strokeStyle = "rgba(0,0,0,0.35)";
    c.lineWidth = 1;
    c.beginPath();
    c.moveTo(left, y0);
    c.lineTo(left + width, y0);
    c.stroke();
  }
  if (verdictX !== null) {
    const x = u.valToPos(verdictX, "x", true);
    c.strokeStyle = "rgba(200,30,30,0.8)";
    c.setLineDash([4, 3]);
    c.lineWidth = 1.5 * devicePixelRatio;
    c.beginPath();
    c.moveTo(x, top);
    c.lineTo(x, top + height);
    c.stroke();
  }
  if (selectedX !== null) {
    const x = u.valToPos(selectedX, "x", true);
    c.setLineDash([]);
    c.strokeStyle = "rgba(240,165,0,0.9)";
    c.lineWidth = 3 * devicePixelRatio;
    c.beginPath();
    c.moveTo(x, top);
    c.lineTo(x, top + height);
    c.stroke();
  }
  c.restore();
}

function periodLabel(series, xs, ts) {
  const i = xs.indexOf(ts);
  return i >= 0 ? series[i].period : new Date(ts * 1e3).toISOString().slice(0, 10);
}

function verdictBox(report, v) {
  const badges = [];
  badges.push(v.meaningful
    ? h("li", { class: "badge ok", title: "the latest period and at least one earlier one have enough events to compare" }, "meaningful")
    : h("li", { class: "badge off", title: "too few events to compare the latest period with earlier ones" }, "not meaningful"));
  if (v.meaningful) {
    const side = v.direction === "high" ? "above" : "below";
    badges.push(v.significant
      ? h("li", { class: "badge ok", title: `the ${pct(report.confidence)} confidence interval lies entirely ${side} the earlier average` }, "significant")
      : h("li", { class: "badge off", title: `the ${pct(report.confidence)} confidence interval overlaps the earlier average` }, "not significant"));
    if (v.record) badges.push(h("li", { class: `badge record ${v.direction}` }, v.direction === "high" ? "record high" : "record low"));
  }
  const per = periodNames[report.by] || "periods";
  const figures = v.period ? [
    ["Period", v.period],
    ["Goldstein mean", dec(v.value)],
    [`${pct(report.confidence)} interval`, v.ci_low == null ? "–" : `${dec(v.ci_low)} to ${dec(v.ci_high)}`],
    ["Events", num(v.events)],
    ["Earlier average", dec(v.baseline)],
    ["Rank", v.meaningful ? `${num(v.rank)} of ${num(v.ranked_periods)} ${per}` : "–"],
    ["Percentile", v.meaningful ? dec(v.percentile, 1) : "–"],
  ] : [];
  return h("section", { class: `verdict ${v.direction || ""} ${v.meaningful ? "" : "weak"}`, "aria-labelledby": "verdict-heading" },
    h("h3", { id: "verdict-heading" }, "Verdict on the latest period"),
    h("p", { class: "verdict-text", id: "verdict-text" }, v.text || "No verdict."),
    h("ul", { class: "badges", "aria-label": "Verdict qualities" }, badges),
    figures.length ? h("dl", { class: "figures" }, figures.map(([k, val]) => [h("dt", {}, k), h("dd", {}, val)])) : null);
}

function seriesTable(report, series, v, choose) {
  const cols = [
    {
      label: "Period", class: "nowrap", cell: (r) => h("button", {
        type: "button", class: "linkish period", title: `list the events of this ${report.by}`, onclick: () => choose(r),
      }, r.period),
    },
    { label: "Events", class: "n", cell: (r) => num(r.events) },
    ...quads.map((c) => ({ label: c.short, title: c.label, class: "n", cell: (r) => num(r[c.key]) })),
    { label: "Goldstein mean", class: "n", cell: (r) => dec(r.goldstein_mean) },
    { label: `${pct(report.confidence)} interval`, class: "n", cell: (r) => (r.ci_low == null ? "–" : `${dec(r.ci_low)} to ${dec(r.ci_high)}`) },
    { label: "Sum", title: "Goldstein sum", class: "n", cell: (r) => dec(r.goldstein_sum, 1) },
    { label: "Tone", class: "n", cell: (r) => dec(r.tone_mean) },
    { label: "Stories", class: "n", cell: (r) => num(r.stories) },
    { label: "Sources", class: "n", cell: (r) => num(r.sources) },
    { label: "Ranked", cell: (r) => (r.ranked ? "yes" : "no") },
  ];
  const rows = series.slice().reverse();
  return table(`Every ${report.by}, latest first (ranked: at least ${report.min_events} events)`, cols, rows,
    (r) => ({ class: [r.period === v.period ? "current" : "", r.ranked ? "" : "unranked"].join(" ").trim() || null, "data-period": r.period }));
}

function jsonLink(params) {
  return h("p", { class: "raw" }, h("a", { href: apiURL("/relations", params) }, "This series as JSON"));
}
