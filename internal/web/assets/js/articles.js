// Articles: a filter form and a paged table of articles; a story's articles
// are this view with story=ID. Search words (q) use the API's full-text
// search instead, which takes no other filter.

import { h, num, dec, filterForm, table, pager, intParam, link, emptyNote } from "./dom.js";
import { get, apiURL } from "./api.js";

const fields = [
  { name: "q", label: "Search words", size: 20, title: "full-text search of the titles and texts, best matches first (the other filters do not apply)", minlength: 2 },
  { name: "text", label: "Text", size: 20, title: "words in the title or body" },
  { name: "source", label: "Source", size: 14, title: "the outlet" },
  { name: "story", label: "Story", size: 8 },
  { name: "since", label: "Since", type: "date" },
  { name: "until", label: "Until", type: "date" },
  { name: "originals", label: "Originals only (no duplicates)", type: "checkbox" },
];

export async function render(root, params, ctx) {
  const limit = intParam(params, "limit", 50);
  const offset = intParam(params, "offset", 0);
  const filters = {};
  for (const f of fields) {
    const v = params[f.name];
    if (v && !(f.type === "checkbox" && v !== "true")) filters[f.name] = v;
  }
  const search = filters.q || "";
  root.append(h("h2", {}, search ? `Articles matching “${search}”` : filters.story ? `Articles of story ${filters.story}` : "Articles"));
  root.append(filterForm("articles-form", fields, params, (values) => {
    if (values.originals !== "true") delete values.originals;
    ctx.navigate(["articles"], values);
  }));
  const results = h("div", { class: "results" });
  root.append(results);

  const path = search ? "/search" : "/articles";
  const apiParams = search ? { q: search, limit, offset } : { ...filters, limit, offset };
  if (search && Object.keys(filters).length > 1) {
    results.append(h("p", { class: "sub" }, "A search ignores the other filters."));
  }
  const body = await get(path, apiParams, ctx.signal);
  const articles = body.articles || [];
  const go = (o) => ctx.navigate(["articles"], { ...filters, limit, offset: o });
  results.append(pager("articles", offset, limit, articles.length, go));
  if (articles.length === 0) {
    results.append(emptyNote("No articles match these filters."));
    return;
  }
  results.append(table("Articles", [
    { label: "Published", cell: (a) => a.published || "–" },
    { label: "Source", cell: (a) => a.source || "–" },
    { label: "Title", cell: (a) => link(["article", a.id], {}, a.title || a.id) },
    { label: "Language", cell: (a) => a.language || "–" },
    { label: "Tone", class: "n", cell: (a) => dec(a.tone, 1) },
    { label: "Sentences", class: "n", cell: (a) => num(a.sentences) },
    { label: "Events", class: "n", cell: (a) => num(a.events) },
    { label: "Story", cell: (a) => (a.story ? link(["articles"], { story: a.story }, a.story) : "–") },
    { label: "Duplicate of", cell: (a) => (a.duplicate_of ? link(["article", a.duplicate_of], {}, a.duplicate_of) : "–") },
  ], articles));
  results.append(pager("articles", offset, limit, articles.length, go));
  results.append(h("p", { class: "raw" }, h("a", { href: apiURL(path, apiParams) }, "This page as JSON")));
}
