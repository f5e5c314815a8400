// Overview: what the store holds, as cards.

import { h, num, link } from "./dom.js";
import { get } from "./api.js";

const cards = [
  { key: "articles", label: "Articles", note: "original articles", route: ["articles"] },
  { key: "duplicates", label: "Duplicates", note: "spun or copied articles" },
  { key: "stories", label: "Stories", note: "clusters of articles", route: ["stories"] },
  { key: "events", label: "Events", note: "coded CAMEO events", route: ["events"] },
  { key: "duplicate_events", label: "Duplicate events", note: "events of duplicate articles" },
  { key: "gdelt_events", label: "GDELT events", note: "imported GDELT rows", route: ["events"], params: { origin: "gdelt" } },
  { key: "sources", label: "Sources", note: "outlets" },
  { key: "persons", label: "Persons" },
  { key: "organizations", label: "Organizations" },
  { key: "places", label: "Places", route: ["map"] },
  { key: "quotes", label: "Quotes" },
  { key: "imports", label: "Imports", note: "import runs" },
];

export async function render(root, params, ctx) {
  root.append(h("h2", {}, "Overview"));
  const results = h("div", { class: "results" });
  root.append(results);
  const s = await get("/stats", {}, ctx.signal);

  results.append(
    h("ul", { class: "cards", "aria-label": "Store totals" }, cards.map((c) => {
      const value = h("span", { class: "card-value", "data-stat": c.key }, num(s[c.key]));
      const label = c.route ? link(c.route, c.params, c.label) : c.label;
      return h("li", { class: "card" },
        h("span", { class: "card-label" }, label), value,
        c.note ? h("span", { class: "card-note" }, c.note) : null);
    })),
    h("dl", { class: "spans" },
      h("dt", {}, "Articles published"), h("dd", {}, span(s.first_article, s.last_article)),
      h("dt", {}, "Events dated"), h("dd", {}, span(s.first_event, s.last_event)),
      h("dt", {}, "Schema version"), h("dd", {}, s.schema ?? "–")),
    h("p", { class: "next" },
      link(["relations"], { a: "USA", b: "RUS" }, "Are US–Russia relations at an all-time low? →", { class: "cta" })));
}

function span(first, last) {
  if (!first && !last) return "none yet";
  return `${first || "?"} to ${last || "?"}`;
}
