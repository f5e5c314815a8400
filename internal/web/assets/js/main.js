// The dashboard's router: the location hash names a view and its query
// ("#/relations?a=USA&b=RUS"), so every view can be linked and reloaded.
// Each view module exports render(root, params, ctx) and is loaded on first use.

import { h, parseHash, hashFor, errorBox } from "./dom.js";

const views = {
  overview: { title: "Overview", load: () => import("./overview.js") },
  relations: { title: "Relations", load: () => import("./relations.js") },
  events: { title: "Events", load: () => import("./events.js") },
  map: { title: "Map", load: () => import("./map.js") },
  stories: { title: "Stories", load: () => import("./stories.js") },
  articles: { title: "Articles", load: () => import("./articles.js") },
  article: { title: "Article", nav: "articles", load: () => import("./article.js") },
  ingest: { title: "Ingest", load: () => import("./ingest.js") },
};

const viewEl = document.getElementById("view");
const statusEl = document.getElementById("status");

let current = null; // {controller, cleanups, key}
let seq = 0;

// navigate shows a view: it sets the hash, or re-renders when the hash is already that.
function navigate(parts, params) {
  const hash = hashFor(parts, params);
  if (hash === location.hash) route();
  else location.hash = hash;
}

function setNav(name) {
  for (const a of document.querySelectorAll("header nav a")) {
    if (a.dataset.view === name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

async function route() {
  const { parts, params } = parseHash(location.hash);
  const name = parts[0] || "overview";
  const view = views[name];

  if (current) {
    current.controller.abort();
    for (const f of current.cleanups) {
      try { f(); } catch (e) { console.error(e); }
    }
  }
  const mine = ++seq;
  const controller = new AbortController();
  const cleanups = [];
  const key = parts.join("/");
  const moved = !current || current.name !== name || current.key !== key;
  current = { controller, cleanups, name, key };

  setNav(view ? view.nav || name : "");
  document.title = `${view ? view.title : "Not found"} · worldmedia`;
  viewEl.replaceChildren();
  const root = h("div", { class: `view view-${name}` });
  viewEl.append(root);
  if (!view) {
    root.append(h("h2", {}, "Not found"), errorBox(new Error(`no view "${name}"`)),
      h("p", {}, h("a", { href: "#/" }, "Back to the overview")));
    return;
  }

  viewEl.setAttribute("aria-busy", "true");
  statusEl.textContent = "Loading…";
  statusEl.classList.add("busy");
  try {
    const mod = await view.load();
    if (mine !== seq) return;
    await mod.render(root, params, {
      parts: parts.slice(1),
      signal: controller.signal,
      navigate,
      onCleanup: (f) => cleanups.push(f),
    });
  } catch (err) {
    if (mine !== seq || (err && err.name === "AbortError")) return;
    // An API error is the page's to show; anything else is a bug, for the console too.
    if (!(err && err.name === "APIError")) console.error(err);
    // Put the error where the results would be, below the view's form,
    // which stays usable; or else under the heading.
    const box = errorBox(err);
    const results = root.querySelector(".results");
    const heading = root.querySelector("h2");
    if (results) results.prepend(box);
    else if (heading) heading.after(box);
    else root.prepend(box);
  } finally {
    if (mine === seq) {
      viewEl.removeAttribute("aria-busy");
      statusEl.textContent = "";
      statusEl.classList.remove("busy");
    }
  }
  if (mine === seq && moved) {
    const heading = root.querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }
}

document.querySelector("header nav").replaceChildren(
  h("ul", {}, Object.entries(views).filter(([, v]) => !v.nav).map(([name, v]) =>
    h("li", {}, h("a", { href: `#/${name}`, "data-view": name }, v.title)))));

window.addEventListener("hashchange", route);
route();
