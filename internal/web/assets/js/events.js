// Events: a filter form over the coded events and a paged table of them,
// each with its evidence sentence and a link to its article.

import { h, num, dec, filterForm, table, pager, intParam, link, externalLink, emptyNote } from "./dom.js";
import { get, apiURL } from "./api.js";
import { quads, roots, quadLabel } from "./cameo.js";

const actorPattern = "[A-Za-z0-9]{3,15}";

// eventFields are the filters that /events and /places share.
export const eventFields = [
  { name: "source", label: "Source actor", pattern: actorPattern, size: 10, upper: true, placeholder: "e.g. USA" },
  { name: "target", label: "Target actor", pattern: actorPattern, size: 10, upper: true, placeholder: "e.g. RUS" },
  { name: "code", label: "CAMEO code", pattern: "[0-9]{2,4}", size: 6, placeholder: "e.g. 19", title: "a CAMEO event code or its prefix: 19, 190, 1823" },
  { name: "quad", label: "Quad class", type: "select", options: [["", "any"], ...quads.map((c) => [String(c.quad), `${c.quad} ${c.label}`])] },
  { name: "since", label: "Since", type: "date" },
  { name: "until", label: "Until", type: "date" },
  { name: "place", label: "Place", size: 14 },
  { name: "text", label: "Text", size: 16, title: "words in the evidence sentence" },
  { name: "origin", label: "Origin", type: "select", options: [["", "any"], ["worldmedia", "worldmedia"], ["gdelt", "GDELT"]] },
  { name: "both", label: "Either direction", type: "checkbox" },
];

// filterParams picks the event filters out of the view's parameters.
export function filterParams(params) {
  const out = {};
  for (const f of eventFields) {
    const v = params[f.name];
    if (v === undefined || v === "") continue;
    if (f.type === "checkbox" && v !== "true") continue;
    out[f.name] = v;
  }
  return out;
}

const limits = [25, 50, 100, 200];

export async function render(root, params, ctx) {
  const limit = intParam(params, "limit", 100);
  const offset = intParam(params, "offset", 0);
  const filters = filterParams(params);
  root.append(h("h2", {}, "Events"));
  root.append(filterForm("events-form", [
    ...eventFields,
    { name: "limit", label: "Per page", type: "select", value: String(limit), options: limits.map((n) => [String(n), String(n)]) },
  ], params, (values) => ctx.navigate(["events"], { ...filterParams(values), limit: values.limit })));
  const results = h("div", { class: "results" });
  root.append(results);

  const apiParams = { ...filters, limit, offset };
  const body = await get("/events", apiParams, ctx.signal);
  const events = body.events || [];
  const go = (o) => ctx.navigate(["events"], { ...filters, limit, offset: o });
  results.append(pager("events", offset, limit, events.length, go));
  results.append(events.length ? eventsTable(events, "Events matching the filters") : emptyNote("No events match these filters."));
  if (events.length) results.append(pager("events", offset, limit, events.length, go));
  results.append(h("p", { class: "raw" }, h("a", { href: apiURL("/events", apiParams) }, "This page as JSON")));
}

// actorCell shows an actor's code and, beneath, its name.
function actorCell(code, name) {
  return [h("span", { class: "code" }, code || "–"), name ? h("span", { class: "sub" }, name) : null];
}

// eventsTable lists events; opts.inText(event) may add a control per event (the article view).
export function eventsTable(events, caption, opts = {}) {
  const cols = [
    { label: "Date", cell: (e) => e.date || "–" },
    { label: "Source", cell: (e) => actorCell(e.source, e.source_name) },
    {
      label: "Event", cell: (e) => [
        h("span", { class: "code", title: roots[e.root] || "" }, e.code),
        h("span", { class: "sub" }, roots[e.root] || ""),
        e.reported ? h("span", { class: "flag", title: "reported by someone, not stated by the outlet" }, "reported") : null,
        e.duplicate ? h("span", { class: "flag", title: "from a duplicate article; counted in no figure" }, "duplicate") : null,
      ],
    },
    { label: "Target", cell: (e) => actorCell(e.target, e.target_name) },
    { label: "Quad", cell: (e) => h("span", { class: `quad q${e.quad}`, title: quadLabel(e.quad) }, quadLabel(e.quad)) },
    { label: "Goldstein", class: "n", cell: (e) => dec(e.goldstein, 1) },
    { label: "Tone", class: "n", cell: (e) => dec(e.tone, 1) },
    { label: "Place", cell: (e) => [e.place || "–", e.country ? h("span", { class: "sub" }, e.country) : null] },
    { label: "Outlet", cell: (e) => (e.url ? externalLink(e.url, e.outlet || "link") : e.outlet || "–") },
    {
      label: "Article", cell: (e) => e.article_id
        ? link(["article", e.article_id], {}, e.article_id, { class: "article-link" })
        : h("span", { class: "sub" }, e.origin || "–"),
    },
    {
      label: "Evidence", class: "evidence", cell: (e) => [
        e.evidence || h("span", { class: "sub" }, "no evidence sentence"),
        opts.inText ? opts.inText(e) : null,
      ],
    },
  ];
  return table(caption, cols, events, (e) => ({ "data-event": e.id, id: opts.rowID ? opts.rowID(e) : null }));
}
