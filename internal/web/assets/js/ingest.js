// Ingest: analyse a text or the article at an address with POST /code, which
// stores nothing, and show its analysis; "Store it" sends the same to POST
// /ingest, with a bearer token when the server wants one. The token is kept
// in this tab's sessionStorage only.

import { h, num, link, errorBox, emptyNote, plural } from "./dom.js";
import { post } from "./api.js";
import { highlightedText, legend, analysisTables } from "./analysis.js";

const tokenKey = "worldmedia.token";

function storedToken() {
  try {
    return sessionStorage.getItem(tokenKey) || "";
  } catch {
    return "";
  }
}

function keepToken(v) {
  try {
    if (v) sessionStorage.setItem(tokenKey, v);
    else sessionStorage.removeItem(tokenKey);
  } catch {
    // storage refused (a private window): the field still holds it
  }
}

export async function render(root, params, ctx) {
  root.append(h("h2", {}, "Ingest a text"));
  root.append(h("p", { class: "sub intro" },
    "Paste an article, or give its address, to see what worldmedia codes from it. Analyse stores nothing; Store it adds it to the database."));

  const field = (id, label, input, hint) => h("div", { class: "field" },
    h("label", { for: id }, label), input, hint ? h("span", { class: "sub", id: id + "-hint" }, hint) : null);
  const textIn = h("textarea", { id: "ingest-text", name: "text", rows: 10, spellcheck: "false", placeholder: "The article's text" });
  const urlIn = h("input", { id: "ingest-url", name: "url", type: "url", placeholder: "https://…", autocomplete: "off", "aria-describedby": "ingest-url-hint" });
  const dateIn = h("input", { id: "ingest-date", name: "date", type: "date" });
  const titleIn = h("input", { id: "ingest-title", name: "title", type: "text", autocomplete: "off" });
  const tokenIn = h("input", {
    id: "ingest-token", name: "token", type: "password", autocomplete: "off", value: storedToken(),
    "aria-describedby": "ingest-token-hint",
  });
  const analyseBtn = h("button", { type: "submit", id: "ingest-analyse" }, "Analyse");
  const storeBtn = h("button", { type: "button", id: "ingest-store", class: "secondary" }, "Store it");
  const form = h("form", { class: "filters ingest-form", id: "ingest-form", "aria-label": "Text to analyse" },
    h("div", { class: "field wide" }, h("label", { for: "ingest-text" }, "Text"), textIn),
    field("ingest-url", "Or an address", urlIn, "used when the text is empty; the server fetches it"),
    field("ingest-date", "Date", dateIn),
    field("ingest-title", "Title", titleIn),
    field("ingest-token", "Token (to store)", tokenIn, "if the server wants one; kept in this tab only"),
    h("div", { class: "field actions" }, h("div", { class: "buttons" }, analyseBtn, storeBtn)));
  const storeOut = h("div", { class: "store-result", id: "ingest-store-result", "aria-live": "polite" });
  const results = h("div", { class: "results", id: "ingest-results" });
  root.append(form, storeOut, results);

  tokenIn.addEventListener("change", () => keepToken(tokenIn.value.trim()));

  // requestBody is the body of /code and /ingest, or null with a message shown.
  const requestBody = (out) => {
    const text = textIn.value;
    const url = urlIn.value.trim();
    let b;
    if (text.trim() !== "") {
      b = { text };
    } else if (url !== "") {
      if (!/^https?:\/\//i.test(url)) {
        out.replaceChildren(errorBox(new Error("the address must begin with http:// or https://")));
        urlIn.focus();
        return null;
      }
      b = { url };
    }
    if (b) {
      if (dateIn.value) b.date = dateIn.value;
      if (titleIn.value.trim()) b.title = titleIn.value.trim();
      return b;
    }
    out.replaceChildren(errorBox(new Error("enter a text, or an address")));
    textIn.focus();
    return null;
  };

  let controller = null;
  const busy = (on) => {
    analyseBtn.disabled = on;
    storeBtn.disabled = on;
    if (on) form.setAttribute("aria-busy", "true");
    else form.removeAttribute("aria-busy");
  };
  const begin = () => {
    if (controller) controller.abort();
    controller = new AbortController();
    return AbortSignal.any([controller.signal, ctx.signal]);
  };
  ctx.onCleanup(() => controller && controller.abort());

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const b = requestBody(results);
    if (!b) return;
    const signal = begin();
    busy(true);
    results.replaceChildren(h("p", { class: "sub" }, "Analysing…"));
    try {
      const out = await post("/code", b, { signal });
      showAnalyses(results, out);
    } catch (err) {
      if (err.name === "AbortError") return;
      results.replaceChildren(errorBox(err));
    } finally {
      busy(false);
    }
  });

  storeBtn.addEventListener("click", async () => {
    const b = requestBody(storeOut);
    if (!b) return;
    const token = tokenIn.value.trim();
    keepToken(token);
    const signal = begin();
    busy(true);
    storeOut.replaceChildren(h("p", { class: "sub" }, "Storing…"));
    try {
      const out = await post("/ingest", b, { signal, token });
      showStored(storeOut, out);
    } catch (err) {
      if (err.name === "AbortError") return;
      const box = errorBox(err);
      if (err.status === 401) {
        box.append(h("br"), token
          ? "The server did not accept this token."
          : "The server wants a token to store: enter it in the Token field.");
        tokenIn.focus();
      }
      storeOut.replaceChildren(box);
    } finally {
      busy(false);
    }
  });
}

// showStored shows the answer of /ingest: {stored, skipped, failed, ids, errors}.
function showStored(out, r) {
  const ids = r.ids || [];
  out.replaceChildren(h("div", { class: "stored", role: "status" },
    h("p", {}, h("strong", {}, `Stored ${num(r.stored)}`), `, skipped ${num(r.skipped)} (already stored), failed ${num(r.failed)}.`),
    ids.length ? h("p", {}, ids.length === 1 ? "The article: " : "The articles: ",
      ids.map((id, i) => [i ? ", " : "", link(["article", id], {}, id)])) : null),
    inputErrors(r.errors));
}

function inputErrors(errors) {
  if (!errors || errors.length === 0) return null;
  return h("div", { class: "error", role: "alert" },
    h("strong", {}, `${num(errors.length)} input${errors.length === 1 ? "" : "s"} failed:`),
    h("ul", {}, errors.map((e) => h("li", {}, e.input ? [h("span", { class: "code" }, e.input), ": "] : null, e.message || "error"))));
}

// showAnalyses shows the answer of /code: {articles: [contract objects], errors}.
function showAnalyses(results, r) {
  const articles = r.articles || [];
  results.replaceChildren(inputErrors(r.errors) || "");
  if (articles.length === 0) {
    results.append(emptyNote("No article came out of this input."));
    return;
  }
  articles.forEach((a, i) => {
    const text = a.text || "";
    const hl = highlightedText(a, text);
    const id = `ingest-article-${i + 1}`;
    const tone = a.tone && typeof a.tone === "object" ? a.tone.tone : a.tone;
    results.append(h("section", { class: "ingest-article", "aria-labelledby": id },
      h("h3", { id, tabindex: "-1" }, a.title || (articles.length > 1 ? `Article ${i + 1}` : "The analysis")),
      h("p", { class: "sub" }, [
        a.date ? `dated ${a.date}` : "",
        a.source ? `from ${a.source}` : "",
        a.language ? `language ${a.language}` : "",
        Number.isFinite(tone) ? `tone ${tone.toFixed(2)}` : "",
        plural((a.sentences || []).length, "sentence"),
        plural((a.events || []).length, "event"),
      ].filter(Boolean).join(" · ")),
      legend(hl.kindsShown),
      text ? hl.el : emptyNote("No text."),
      analysisTables(a, text)));
  });
  const first = results.querySelector("h3");
  if (first) first.focus({ preventScroll: false });
}
