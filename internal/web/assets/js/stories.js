// Stories: the clusters of articles that report the same news, paged.

import { h, num, filterForm, table, pager, intParam, link, emptyNote } from "./dom.js";
import { get, apiURL } from "./api.js";

const fields = [
  { name: "text", label: "Text", size: 20, title: "words in the story's title" },
  { name: "since", label: "Since", type: "date" },
  { name: "until", label: "Until", type: "date" },
  { name: "min_articles", label: "Min. articles", type: "number", min: 1, size: 5 },
];

export async function render(root, params, ctx) {
  const limit = intParam(params, "limit", 50);
  const offset = intParam(params, "offset", 0);
  const filters = {};
  for (const f of fields) if (params[f.name]) filters[f.name] = params[f.name];
  root.append(h("h2", {}, "Stories"));
  root.append(filterForm("stories-form", fields, params, (values) => ctx.navigate(["stories"], values)));
  const results = h("div", { class: "results" });
  root.append(results);

  const apiParams = { ...filters, limit, offset };
  const body = await get("/stories", apiParams, ctx.signal);
  const stories = body.stories || [];
  const go = (o) => ctx.navigate(["stories"], { ...filters, limit, offset: o });
  results.append(pager("stories", offset, limit, stories.length, go));
  if (stories.length === 0) {
    results.append(emptyNote("No stories match these filters."));
    return;
  }
  results.append(table("Stories", [
    { label: "Title", cell: (s) => link(["articles"], { story: s.id }, s.title || `story ${s.id}`) },
    { label: "First published", cell: (s) => s.first_published || "–" },
    { label: "Last published", cell: (s) => s.last_published || "–" },
    { label: "Articles", class: "n", cell: (s) => num(s.articles) },
    { label: "Duplicates", class: "n", cell: (s) => num(s.duplicates) },
    { label: "Sources", class: "n", cell: (s) => num(s.sources) },
    { label: "Events", class: "n", cell: (s) => num(s.events) },
    { label: "First article", cell: (s) => (s.first_article ? link(["article", s.first_article], {}, s.first_article) : "–") },
  ], stories));
  results.append(pager("stories", offset, limit, stories.length, go));
  results.append(h("p", { class: "raw" }, h("a", { href: apiURL("/stories", apiParams) }, "This page as JSON")));
}
