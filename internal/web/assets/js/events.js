// Events: a filter form over the coded events and a paged table of them,
// each with its evidence sentence and a link to its article. The table sorts
// the page shown by any column; a row opens its article.

import { h, num, dec, filterForm, table, pager, intParam, link, externalLink, emptyNote, hashFor } from "./dom.js";
import { get, apiURL } from "./api.js";
import { quads, roots, quadLabel } from "./cameo.js";
import { actorSuggest } from "./actors.js";

const actorPattern = "[A-Za-z0-9]{3,15}";

// eventFields are the filters that /events and /places share.
export const eventFields = [
  { name: "source", label: "Source actor", pattern: actorPattern, size: 10, upper: true, placeholder: "e.g. USA", enhance: actorSuggest },
  { name: "target", label: "Target actor", pattern: actorPattern, size: 10, upper: true, placeholder: "e.g. RUS", enhance: actorSuggest },
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
  // The sort of the page is kept in the address, and from page to page.
  let sort = params.sort ? { key: params.sort, dir: params.dir === "descending" ? "descending" : "ascending" } : null;
  const go = (o) => ctx.navigate(["events"], { ...filters, limit, offset: o, sort: sort && sort.key, dir: sort && sort.dir });
  const onSort = (key, dir) => {
    sort = { key, dir };
    history.replaceState(null, "", hashFor(["events"], { ...filters, limit, offset, sort: key, dir }));
  };
  results.append(pager("events", offset, limit, events.length, go));
  results.append(events.length ? eventsTable(events, "Events matching the filters", { sort, onSort }) : emptyNote("No events match these filters."));
  if (events.length) results.append(pager("events", offset, limit, events.length, go));
  results.append(h("p", { class: "raw" }, h("a", { href: apiURL("/events", apiParams) }, "This page as JSON")));
}

// actorCell shows an actor's code and, beneath, its name.
function actorCell(code, name) {
  return [h("span", { class: "code" }, code || "–"), name ? h("span", { class: "sub" }, name) : null];
}

// eventsTable lists events, sortable by column; a click on a row opens its
// article (its id is also a link). opts: inText(event) may add a control per
// event (the article view), rowID(event) an id; sort and onSort as for table;
// openArticle false leaves rows unclickable.
export function eventsTable(events, caption, opts = {}) {
  const cols = [
    { label: "Date", key: "date", sort: (e) => e.date, cell: (e) => e.date || "–" },
    { label: "Source", key: "source", sort: (e) => e.source, cell: (e) => actorCell(e.source, e.source_name) },
    {
      label: "Event", key: "code", sort: (e) => e.code, cell: (e) => [
        h("span", { class: "code", title: roots[e.root] || "" }, e.code),
        h("span", { class: "sub" }, roots[e.root] || ""),
        e.reported ? h("span", { class: "flag", title: "reported by someone, not stated by the outlet" }, "reported") : null,
        e.duplicate ? h("span", { class: "flag", title: "from a duplicate article; counted in no figure" }, "duplicate") : null,
      ],
    },
    { label: "Target", key: "target", sort: (e) => e.target, cell: (e) => actorCell(e.target, e.target_name) },
    { label: "Quad", key: "quad", sort: (e) => e.quad, cell: (e) => h("span", { class: `quad q${e.quad}`, title: quadLabel(e.quad) }, quadLabel(e.quad)) },
    { label: "Goldstein", key: "goldstein", class: "n", sort: (e) => e.goldstein, cell: (e) => dec(e.goldstein, 1) },
    { label: "Tone", key: "tone", class: "n", sort: (e) => e.tone, cell: (e) => dec(e.tone, 1) },
    { label: "Place", key: "place", sort: (e) => e.place, cell: (e) => [e.place || "–", e.country ? h("span", { class: "sub" }, e.country) : null] },
    { label: "Outlet", key: "outlet", sort: (e) => e.outlet, cell: (e) => (e.url ? externalLink(e.url, e.outlet || "link") : e.outlet || "–") },
    {
      label: "Article", key: "article", sort: (e) => e.article_id, cell: (e) => e.article_id
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
  const open = opts.openArticle !== false;
  return table(caption, cols, events, (e) => ({
    "data-event": e.id,
    id: opts.rowID ? opts.rowID(e) : null,
    class: open && e.article_id ? "opens" : null,
    onclick: open && e.article_id ? (ev) => openRow(ev, e) : null,
  }), { sort: opts.sort, onSort: opts.onSort });
}

// openRow opens the article of a clicked row, unless the click was on a
// control or ended a text selection.
function openRow(ev, e) {
  if (ev.target.closest("a, button, input, select, textarea, label")) return;
  const sel = window.getSelection();
  if (sel && !sel.isCollapsed && ev.currentTarget.contains(sel.anchorNode)) return;
  location.hash = hashFor(["article", e.article_id]);
}
