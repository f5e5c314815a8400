// The analysis of an article (docs/contract.md) shown on its text: event
// actors, event triggers, quotes and their speakers, places and counts, each
// kind its own highlight, with the codes of each in a tooltip that the mouse
// and the keyboard reach; and the lists of its events, quotes, places and
// persons. Spans are byte offsets into the UTF-8 text; they may overlap or
// nest, and are drawn as nested elements, an element crossing its parent's
// end split in two. The text is only ever set as text, never as HTML.

import { h, num, dec, signed, table, emptyNote } from "./dom.js";
import { roots, quadLabel } from "./cameo.js";

// kinds are the highlights, outermost first when two have the same span.
export const kinds = [
  { kind: "quote", label: "Quote", note: "what someone said" },
  { kind: "count", label: "Count", note: "a number of people or things" },
  { kind: "speaker", label: "Speaker", note: "who said a quote" },
  { kind: "actor", label: "Actor", note: "the source or target of an event" },
  { kind: "place", label: "Place", note: "a place named" },
  { kind: "event", label: "Event", note: "the words that tell an event" },
];
const rank = Object.fromEntries(kinds.map((k, i) => [k.kind, i]));

// byteIndex returns a function from a byte offset into s as UTF-8 to the
// index of the same place in s (UTF-16); an offset inside a character gives
// the character's end, one past the end -1.
export function byteIndex(s) {
  const idx = [];
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i);
    const units = cp > 0xffff ? 2 : 1;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    idx.push(i);
    for (let k = 1; k < bytes; k++) idx.push(i + units);
    i += units;
  }
  idx.push(s.length);
  return (b) => (Number.isInteger(b) && b >= 0 && b < idx.length ? idx[b] : -1);
}

// span converts a contract span to [start, end) in text units, or null when
// it is absent ([0, 0]) or not valid for the text.
function spanOf(sp, at) {
  if (!Array.isArray(sp) || sp.length !== 2) return null;
  const s = at(sp[0]);
  const e = at(sp[1]);
  if (s < 0 || e < 0 || e <= s) return null;
  return [s, e];
}

// eventLabel is an event's codes: "USAGOV → RUSGOV · 012 · Goldstein −0.4".
export function eventLabel(e) {
  const extra = [e.negated ? "negated" : "", e.reported ? "reported" : ""].filter(Boolean);
  return `${e.source || "?"} → ${e.target || "?"} · ${e.code || "?"} · Goldstein ${signed(e.goldstein)}` +
    (extra.length ? ` · ${extra.join(", ")}` : "");
}

function speakerLabel(q) {
  if (!q.speaker && !q.speaker_code) return "speaker: not resolved";
  return `speaker: ${q.speaker || "?"}${q.speaker_code ? ` (${q.speaker_code})` : ""}`;
}

function clip(s, n) {
  return s.length > n ? s.slice(0, n - 1).trimEnd() + "…" : s;
}

// annotations lists the highlights of an analysis over text: {id, kind, s,
// e, tips: [string], events: [index], group: "q3"}, those of the same kind
// and span merged.
export function annotations(a, text) {
  const at = byteIndex(text);
  const byKey = new Map();
  const out = [];
  const add = (kind, sp, tip, extra = {}) => {
    const r = spanOf(sp, at);
    if (!r) return null;
    const key = `${kind}:${r[0]}:${r[1]}`;
    let an = byKey.get(key);
    if (!an) {
      an = { id: out.length, kind, s: r[0], e: r[1], tips: [], events: [], groups: [] };
      byKey.set(key, an);
      out.push(an);
    }
    if (tip && !an.tips.includes(tip)) an.tips.push(tip);
    if (extra.event !== undefined) an.events.push(extra.event);
    if (extra.group && !an.groups.includes(extra.group)) an.groups.push(extra.group);
    return an;
  };
  (a.events || []).forEach((e, k) => {
    const label = eventLabel(e);
    const root = roots[e.root] ? ` (${roots[e.root]})` : "";
    add("event", e.verb_span, `${label}${root}`, { event: k });
    add("actor", e.source_span, `${e.source || "?"}: source of ${e.code}${root} · ${label}`, { event: k });
    add("actor", e.target_span, `${e.target || "?"}: target of ${e.code}${root} · ${label}`, { event: k });
  });
  (a.quotes || []).forEach((q, k) => {
    const group = `q${k}`;
    add("quote", q.span, speakerLabel(q), { group });
    const said = q.text || (spanOf(q.span, at) ? text.slice(...spanOf(q.span, at)) : "");
    add("speaker", q.speaker_span, `${speakerLabel(q)}, of “${clip(said, 60)}”`, { group });
  });
  for (const p of a.places || []) {
    const name = p.resolved && p.resolved !== p.name ? `${p.name} (${p.resolved})` : p.name;
    const where = [p.country, Number.isFinite(p.lat) && Number.isFinite(p.lon) ? `${dec(p.lat, 2)}, ${dec(p.lon, 2)}` : ""].filter(Boolean).join(" · ");
    for (const m of p.mentions || []) add("place", m, `place: ${name}${where ? " · " + where : ""}`);
  }
  for (const c of a.counts || []) {
    add("count", c.span, `count: ${c.kind || "?"} ${c.number ?? "?"}${c.object ? " " + c.object : ""}${c.place ? " · " + c.place : ""}`);
  }
  return out;
}

function cmp(x, y) {
  return x.s - y.s || y.e - x.e || rank[x.an.kind] - rank[y.an.kind] || x.an.id - y.an.id;
}

// nest arranges pieces {an, s, e, first} into a tree in which every node
// lies inside its parent and siblings do not overlap: a piece that crosses
// the end of the one before it is split there.
export function nest(anns) {
  return build(anns.map((an) => ({ an, s: an.s, e: an.e, first: true })).sort(cmp));
}

function build(items) {
  const out = [];
  let queue = items;
  while (queue.length > 0) {
    const top = queue[0];
    const inside = [];
    const after = [];
    for (let i = 1; i < queue.length; i++) {
      const it = queue[i];
      if (it.s >= top.e) after.push(it);
      else if (it.e <= top.e) inside.push(it);
      else {
        inside.push({ ...it, e: top.e });
        after.push({ ...it, s: top.e, first: false });
      }
    }
    out.push({ ...top, children: build(inside.sort(cmp)) });
    queue = after.sort(cmp);
  }
  return out;
}

// renderTree returns the nodes of text[from, to) with the tree's pieces as
// elements made by make(piece).
function renderTree(text, nodes, from, to, make) {
  const out = [];
  let at = from;
  for (const n of nodes) {
    if (n.s > at) out.push(text.slice(at, n.s));
    const el = make(n);
    el.append(...renderTree(text, n.children, n.s, n.e, make));
    out.push(el);
    at = n.e;
  }
  if (at < to) out.push(text.slice(at, to));
  return out;
}

let uid = 0;

// highlightedText builds the text with every annotation highlighted, and a
// tooltip. It returns {el, focusEvent(k): bool, focusQuote(k): bool}.
export function highlightedText(a, text) {
  const prefix = `hl${++uid}-`;
  const anns = annotations(a, text);
  const firsts = new Map(); // annotation id → its first piece
  const pieces = new Map(); // annotation id → all its pieces
  const byGroup = new Map();
  const make = (n) => {
    const an = n.an;
    const el = h("mark", {
      class: `hl hl-${an.kind}`,
      "data-ann": an.id,
      "data-kind": an.kind,
      "data-tip": an.tips.join("\n"),
      "data-group": an.groups.join(" ") || null,
    });
    if (n.first) {
      el.id = prefix + an.id;
      el.tabIndex = 0;
      el.setAttribute("aria-describedby", prefix + "tip");
      firsts.set(an.id, el);
    } else {
      el.classList.add("cont");
    }
    if (!pieces.has(an.id)) pieces.set(an.id, []);
    pieces.get(an.id).push(el);
    for (const g of an.groups) {
      if (!byGroup.has(g)) byGroup.set(g, []);
      byGroup.get(g).push(el);
    }
    return el;
  };
  const body = h("div", { class: "article-body analysed" }, renderTree(text, nest(anns), 0, text.length, make));
  const tip = h("div", { class: "hl-tip", id: prefix + "tip", role: "tooltip", hidden: true });
  const wrap = h("div", { class: "analysis-text" }, body, tip);

  let shown = null;
  let linked = [];
  const show = (el) => {
    const chain = [];
    for (let e = el; e && e !== body; e = e.parentElement) {
      if (e.dataset && e.dataset.tip) chain.push(e.dataset.tip);
    }
    if (chain.length === 0) return hide();
    shown = el;
    tip.textContent = chain.join("\n");
    tip.hidden = false;
    const w = wrap.getBoundingClientRect();
    const r = el.getClientRects()[0] || el.getBoundingClientRect();
    const left = Math.max(0, Math.min(r.left - w.left, w.width - tip.offsetWidth));
    tip.style.left = `${left}px`;
    tip.style.top = `${r.bottom - w.top + 6}px`;
    for (const x of linked) x.classList.remove("linked");
    linked = [];
    for (const g of (el.dataset.group || "").split(" ").filter(Boolean)) {
      for (const x of byGroup.get(g) || []) {
        x.classList.add("linked");
        linked.push(x);
      }
    }
  };
  const hide = () => {
    shown = null;
    tip.hidden = true;
    for (const x of linked) x.classList.remove("linked");
    linked = [];
  };
  body.addEventListener("mouseover", (e) => {
    const el = e.target.closest("[data-ann]");
    if (el && body.contains(el)) show(el);
  });
  body.addEventListener("mouseleave", () => {
    if (!body.contains(document.activeElement)) hide();
  });
  body.addEventListener("focusin", (e) => {
    const el = e.target.closest("[data-ann]");
    if (el) show(el);
  });
  body.addEventListener("focusout", (e) => {
    if (!body.contains(e.relatedTarget)) hide();
  });
  body.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && shown) {
      hide();
      return;
    }
    // Enter on a quote goes to its speaker, and on a speaker to its quote.
    const el = e.target.closest("[data-ann]");
    if (e.key !== "Enter" || !el || !el.dataset.group) return;
    const want = el.dataset.kind === "quote" ? "speaker" : el.dataset.kind === "speaker" ? "quote" : "";
    const g = el.dataset.group.split(" ")[0];
    const other = (byGroup.get(g) || []).find((x) => x.dataset.kind === want && x.tabIndex === 0);
    if (other) {
      e.preventDefault();
      reveal(other);
    }
  });

  const eventAnn = new Map(); // event index → its first piece: the verb, else an actor
  for (const an of anns) {
    for (const k of an.events) {
      const prev = eventAnn.get(k);
      if (!prev || (an.kind === "event" && prev.kind !== "event")) eventAnn.set(k, an);
    }
  }
  const quoteAnn = new Map();
  for (const an of anns) if (an.kind === "quote") quoteAnn.set(an.groups[0], an);
  return {
    el: wrap,
    count: anns.length,
    kindsShown: new Set(anns.map((an) => an.kind)),
    // focusEvent shows the highlight of event k; false when it has none.
    focusEvent: (k) => {
      const an = eventAnn.get(k);
      return an ? reveal(firsts.get(an.id)) : false;
    },
    focusQuote: (k) => {
      const an = quoteAnn.get(`q${k}`);
      return an ? reveal(firsts.get(an.id)) : false;
    },
    hasEvent: (k) => eventAnn.has(k),
    hasQuote: (k) => quoteAnn.has(`q${k}`),
  };
}

function reveal(el) {
  if (!el) return false;
  el.scrollIntoView({ block: "center", behavior: "smooth" });
  el.focus({ preventScroll: true });
  el.classList.remove("flash");
  void el.offsetWidth; // restart the animation
  el.classList.add("flash");
  return true;
}

// legend is the key of the highlights, of the kinds present (all when none given).
export function legend(present) {
  return h("ul", { class: "hl-legend", "aria-label": "Highlights" },
    kinds.filter((k) => !present || present.has(k.kind)).map((k) =>
      h("li", {}, h("mark", { class: `hl hl-${k.kind} sample` }, k.label), " ", h("span", { class: "sub" }, k.note))),
    h("li", { class: "sub" }, "Hover over or tab to a highlight for its codes; Enter on a quote goes to its speaker."));
}

// sentenceText is the text of sentence i of the analysis, or "".
export function sentenceOf(a, text, i) {
  const s = (a.sentences || [])[i];
  if (!s) return "";
  const r = spanOf(s.span, byteIndex(text));
  return r ? text.slice(r[0], r[1]) : "";
}

// eventEvidence shows event e's sentence with its actors and trigger marked.
function eventEvidence(a, text, at, e) {
  const s = (a.sentences || [])[e.sentence];
  const r = s && spanOf(s.span, at);
  if (!r) return h("span", { class: "sub" }, "no sentence");
  const parts = [];
  const add = (kind, sp) => {
    const x = spanOf(sp, at);
    if (x && x[0] >= r[0] && x[1] <= r[1]) parts.push({ id: parts.length, kind, s: x[0], e: x[1] });
  };
  add("actor", e.source_span);
  add("event", e.verb_span);
  add("actor", e.target_span);
  return h("span", { class: "evidence-text" },
    renderTree(text, nest(parts), r[0], r[1], (n) => h("mark", { class: `hl hl-${n.an.kind} quiet` })));
}

// eventList lists the events of an analysis, each with its evidence and a
// button to show it in the text (hl from highlightedText).
export function eventList(a, text, hl) {
  const events = a.events || [];
  if (events.length === 0) return emptyNote("No events were coded in this text.");
  const at = byteIndex(text);
  return h("ol", { class: "analysis-events" }, events.map((e, k) =>
    h("li", { "data-aevent": k },
      h("div", { class: "ev-head" },
        h("span", { class: "code" }, e.source || "?"), " → ", h("span", { class: "code" }, e.target || "?"), " · ",
        h("span", { class: "code", title: roots[e.root] || "" }, e.code), " ", h("span", { class: "root" }, roots[e.root] || ""),
        " · ", h("span", { class: `quad q${e.quad}`, title: quadLabel(e.quad) }, `Goldstein ${signed(e.goldstein)}`),
        e.date ? h("span", { class: "sub inline" }, ` · ${e.date}`) : null,
        e.reported ? h("span", { class: "flag" }, "reported") : null,
        e.negated ? h("span", { class: "flag" }, "negated") : null),
      h("div", { class: "ev-evidence" }, eventEvidence(a, text, at, e)),
      hl && hl.hasEvent(k)
        ? h("button", { type: "button", class: "linkish", onclick: () => hl.focusEvent(k) }, "Show in text")
        : null)));
}

// quoteList lists the quotes of an analysis with their speakers.
export function quoteList(a, text, hl) {
  const quotes = a.quotes || [];
  if (quotes.length === 0) return emptyNote("No quotes.");
  const at = byteIndex(text);
  return h("ol", { class: "analysis-quotes" }, quotes.map((q, k) => {
    const r = spanOf(q.span, at);
    const said = q.text || (r ? text.slice(r[0], r[1]) : "");
    return h("li", { "data-quote": k },
      h("div", { class: "q-speaker" }, q.speaker || h("span", { class: "sub inline" }, "speaker not resolved"),
        q.speaker_code ? [" ", h("span", { class: "code" }, `(${q.speaker_code})`)] : null),
      h("blockquote", {}, `“${said}”`),
      hl && hl.hasQuote(k) ? h("button", { type: "button", class: "linkish", onclick: () => hl.focusQuote(k) }, "Show in text") : null);
  }));
}

// tables are the analysis as tables: events, quotes, places, persons, organizations.
export function analysisTables(a, text) {
  const at = byteIndex(text);
  const out = [];
  const events = a.events || [];
  out.push(events.length ? table(`Events (${num(events.length)})`, [
    { label: "Date", key: "date", sort: (e) => e.date, cell: (e) => e.date || "–" },
    { label: "Source", key: "source", sort: (e) => e.source, cell: (e) => h("span", { class: "code" }, e.source || "–") },
    { label: "Event", key: "code", sort: (e) => e.code, cell: (e) => [h("span", { class: "code" }, e.code), h("span", { class: "sub" }, roots[e.root] || "")] },
    { label: "Target", key: "target", sort: (e) => e.target, cell: (e) => h("span", { class: "code" }, e.target || "–") },
    { label: "Quad", key: "quad", sort: (e) => e.quad, cell: (e) => h("span", { class: `quad q${e.quad}` }, quadLabel(e.quad)) },
    { label: "Goldstein", key: "goldstein", class: "n", sort: (e) => e.goldstein, cell: (e) => signed(e.goldstein) },
    { label: "Place", key: "place", sort: (e) => e.location && e.location.name, cell: (e) => (e.location && e.location.name) || "–" },
    { label: "Reported", cell: (e) => (e.reported ? "yes" : "no") },
    { label: "Evidence", class: "evidence", cell: (e) => eventEvidence(a, text, at, e) },
  ], events) : emptyNote("No events were coded in this text."));
  const quotes = a.quotes || [];
  if (quotes.length) {
    out.push(table(`Quotes (${num(quotes.length)})`, [
      { label: "Speaker", key: "speaker", sort: (q) => q.speaker, cell: (q) => q.speaker || h("span", { class: "sub" }, "not resolved") },
      { label: "Code", key: "speaker_code", sort: (q) => q.speaker_code, cell: (q) => h("span", { class: "code" }, q.speaker_code || "–") },
      { label: "Quote", class: "evidence", cell: (q) => q.text || (spanOf(q.span, at) ? text.slice(...spanOf(q.span, at)) : "") },
    ], quotes));
  }
  const places = a.places || [];
  if (places.length) {
    out.push(table(`Places (${num(places.length)})`, [
      { label: "Place", key: "name", sort: (p) => p.name, cell: (p) => [p.name, p.resolved && p.resolved !== p.name ? h("span", { class: "sub" }, p.resolved) : null] },
      { label: "Country", key: "country", sort: (p) => p.country, cell: (p) => p.country || "–" },
      { label: "Latitude", class: "n", cell: (p) => dec(p.lat, 2) },
      { label: "Longitude", class: "n", cell: (p) => dec(p.lon, 2) },
      { label: "Mentions", key: "mentions", class: "n", sort: (p) => (p.mentions || []).length, cell: (p) => num((p.mentions || []).length) },
    ], places));
  }
  for (const [key, label] of [["persons", "Persons"], ["organizations", "Organizations"]]) {
    const list = a[key] || [];
    if (!list.length) continue;
    out.push(table(`${label} (${num(list.length)})`, [
      { label: "Name", key: "name", sort: (p) => p.name, cell: (p) => p.name },
      { label: "Actor code", key: "code", sort: (p) => p.code, cell: (p) => h("span", { class: "code" }, p.code || "–") },
      { label: "Mentions", key: "mentions", class: "n", sort: (p) => (p.mentions || []).length, cell: (p) => num((p.mentions || []).length) },
    ], list));
  }
  return out;
}
