// Article: one article's text with the evidence sentences of its events
// highlighted, and those events.

import { h, num, dec, link, externalLink, emptyNote } from "./dom.js";
import { get } from "./api.js";
import { eventsTable } from "./events.js";

export async function render(root, params, ctx) {
  const id = ctx.parts[0];
  const heading = h("h2", {}, id ? `Article ${id}` : "Article");
  root.append(heading);
  const results = h("div", { class: "results" });
  root.append(results);
  if (!id) throw new Error("no article id in the address (#/article/ID)");

  const body = await get(`/articles/${encodeURIComponent(id)}`, {}, ctx.signal);
  const a = body.article || {};
  const text = body.body || "";
  const events = body.events || [];
  heading.textContent = a.title || `Article ${id}`;

  const ranges = locate(text, events);
  const marks = new Map(); // event id → mark element
  const bodyEl = h("div", { class: "article-body", id: "article-body" });
  let at = 0;
  ranges.forEach((r, k) => {
    if (r.start > at) bodyEl.append(text.slice(at, r.start));
    const mark = h("mark", {
      class: "evidence",
      id: `evidence-${k + 1}`,
      tabindex: "-1",
      title: r.events.map((e) => `${e.source || "?"} ${e.code} ${e.target || "?"}`).join("; "),
      "data-events": r.events.map((e) => e.id).join(" "),
    }, text.slice(r.start, r.end));
    for (const e of r.events) marks.set(e.id, mark);
    bodyEl.append(mark);
    at = r.end;
  });
  if (at < text.length) bodyEl.append(text.slice(at));

  results.append(
    h("dl", { class: "meta" },
      item("Source", a.source),
      item("Published", a.published),
      item("Language", a.language),
      item("Address", a.url ? externalLink(a.url) : null),
      item("Story", a.story ? link(["articles"], { story: a.story }, String(a.story)) : null),
      item("Duplicate of", a.duplicate_of ? link(["article", a.duplicate_of], {}, a.duplicate_of) : null),
      item("Tone", a.tone == null ? null : dec(a.tone, 2)),
      item("Sentences", a.sentences == null ? null : num(a.sentences)),
      item("Events", num(events.length)),
      item("Input", a.input)),
    h("section", { "aria-labelledby": "body-heading" },
      h("h3", { id: "body-heading" }, "Text"),
      h("p", { class: "sub" }, ranges.length
        ? `Highlighted: the evidence sentences of ${num(marks.size)} of ${num(events.length)} events.`
        : events.length ? "The evidence sentences were not found in the text." : "No events were coded in this article."),
      text ? bodyEl : emptyNote("No text stored for this article.")),
    h("section", { "aria-labelledby": "events-heading" },
      h("h3", { id: "events-heading" }, "Events"),
      events.length
        ? eventsTable(events, "Events coded in this article", {
          inText: (e) => {
            const m = marks.get(e.id);
            return m
              ? h("button", { type: "button", class: "linkish", onclick: () => showMark(m) }, "Show in text")
              : h("span", { class: "sub" }, " (not found in the text)");
          },
        })
        : emptyNote("No events.")));
}

function item(label, value) {
  if (value === null || value === undefined || value === "") return null;
  return [h("dt", {}, label), h("dd", {}, value)];
}

function showMark(m) {
  m.scrollIntoView({ block: "center", behavior: "smooth" });
  m.focus({ preventScroll: true });
  m.classList.remove("flash");
  void m.offsetWidth; // restart the animation
  m.classList.add("flash");
}

// fold maps a text to a comparable form of the same length: every white-space
// character a space, curly quotes straight.
function fold(s) {
  return s.replace(/\s/g, " ").replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201F\u2033]/g, '"');
}

// squeeze collapses runs of spaces, keeping for each character of the result
// its offset in s.
function squeeze(s) {
  let out = "";
  const offsets = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === " " && (i === 0 || s[i - 1] === " ")) continue;
    out += s[i];
    offsets.push(i);
  }
  return { out, offsets };
}

// locate finds each event's evidence sentence in the text and returns the
// sorted, merged ranges [start, end) of the text to highlight, each with its events.
export function locate(text, events) {
  const folded = squeeze(fold(text));
  const found = [];
  for (const e of events) {
    const ev = squeeze(fold(e.evidence || "")).out.trim();
    if (ev.length < 3) continue;
    const i = folded.out.indexOf(ev);
    if (i < 0) continue;
    found.push({ start: folded.offsets[i], end: folded.offsets[i + ev.length - 1] + 1, events: [e] });
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const merged = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      last.events.push(...r.events);
    } else {
      merged.push(r);
    }
  }
  return merged;
}
