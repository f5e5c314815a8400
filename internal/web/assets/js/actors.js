// Actor code suggestions: a datalist under an actor field, filled from
// /actors with the known codes that start with what is typed, the busiest
// first, each with its most frequent name and its number of events.

import { h, num } from "./dom.js";
import { get } from "./api.js";

// actorSuggest attaches the list to input (a filterForm enhance) and returns
// the datalist element, to be put in the page beside it.
export function actorSuggest(input, id) {
  const list = h("datalist", { id: `${id}-actors`, class: "actor-list" });
  input.setAttribute("list", list.id);
  input.setAttribute("autocapitalize", "characters");
  let timer = 0;
  let controller = null;
  let last = null;
  const load = () => {
    // The API takes 0 to 15 upper-case letters or digits.
    const q = input.value.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 15);
    if (q === last) return;
    last = q;
    if (controller) controller.abort();
    controller = new AbortController();
    get("/actors", { q, limit: 20 }, controller.signal).then((body) => {
      list.replaceChildren(...(body.actors || []).map((a) =>
        h("option", { value: a.code, label: `${a.name || a.code} · ${num(a.events)} events` })));
      list.dataset.q = q;
    }).catch(() => {
      // Suggestions are only a help: without them the field works as before.
      if (last === q) last = null;
    });
  };
  input.addEventListener("focus", load);
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(load, 120);
  });
  return list;
}
