// Article: one article's text and its events. With the article's analysis,
// the text shows its actors, event triggers, quotes and speakers, places and
// counts, and its events and quotes are listed beside it; without (articles
// stored before the analysis was kept), the evidence sentences of its events
// are highlighted.

import { h, num, dec, link, externalLink, emptyNote } from "./dom.js";
import { get } from "./api.js";
import { eventsTable } from "./events.js";
import { highlightedText, legend, eventList, quoteList, sentenceOf } from "./analysis.js";

export async function render(root, params, ctx) {
  const id = ctx.parts[0];
  const heading = h("h2", {}, id ? `Article ${id}` : "Article");
  root.append(heading);
  const results = h("div", { class: "results" });
  root.append(results);
  if (!id) throw new Error("no article id in the address (#/article/ID)");

  const body = await get(`/articles/${encodeURIComponent(id)}`, {}, ctx.signal);
  const a = body.article || {};
  const events = body.events || [];
  heading.textContent = a.title || `Article ${id}`;
  const analysis = body.analysis && typeof body.analysis === "object" ? body.analysis : null;

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
      item("Input", a.input)));
  if (analysis) showAnalysis(results, analysis, body.body || "", events);
  else showEvidence(results, body.body || "", events);
}

// showAnalysis shows the text with the analysis' highlights, its events and
// quotes beside it, and the stored events below.
function showAnalysis(results, an, stored, events) {
  const text = typeof an.text === "string" && an.text !== "" ? an.text : stored;
  const hl = highlightedText(an, text);
  const aevents = an.events || [];
  const quotes = an.quotes || [];
  results.append(
    h("div", { class: "article-layout" },
      h("section", { class: "article-main", "aria-labelledby": "body-heading" },
        h("h3", { id: "body-heading" }, "Text"),
        legend(hl.kindsShown),
        text ? hl.el : emptyNote("No text stored for this article.")),
      h("aside", { class: "article-side", "aria-label": "Events and quotes of the text" },
        h("section", { "aria-labelledby": "aevents-heading" },
          h("h3", { id: "aevents-heading" }, `Events in the text (${num(aevents.length)})`),
          eventList(an, text, hl)),
        h("section", { "aria-labelledby": "quotes-heading" },
          h("h3", { id: "quotes-heading" }, `Quotes (${num(quotes.length)})`),
          quoteList(an, text, hl)))),
    h("section", { "aria-labelledby": "events-heading" },
      h("h3", { id: "events-heading" }, "Stored events"),
      events.length
        ? eventsTable(events, "Events of this article as stored (the figures count these)", {
          openArticle: false,
          inText: (e) => {
            const k = matchEvent(an, text, e);
            return k >= 0 && hl.hasEvent(k)
              ? h("button", { type: "button", class: "linkish", onclick: () => hl.focusEvent(k) }, "Show in text")
              : null;
          },
        })
        : emptyNote("No events.")));
}

// matchEvent finds the analysis event a stored event was made from: the same
// codes, in the sentence of its evidence when that tells them apart; or -1.
function matchEvent(an, text, e) {
  const same = [];
  (an.events || []).forEach((x, k) => {
    if ((x.source || "") === (e.source || "") && (x.target || "") === (e.target || "") && x.code === e.code) same.push(k);
  });
  if (same.length <= 1) return same.length ? same[0] : -1;
  const ev = squeeze(fold(e.evidence || "")).out.trim();
  const k = same.find((k) => squeeze(fold(sentenceOf(an, text, an.events[k].sentence))).out.trim() === ev);
  return k === undefined ? same[0] : k;
}

// showEvidence shows the text with the evidence sentences of the events
// highlighted, and the events.
function showEvidence(results, text, events) {
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
          openArticle: false,
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
