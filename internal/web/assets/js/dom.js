// DOM helpers shared by the views. Text from the API is only ever set as text
// (never as HTML), so an article or a place name cannot inject markup.

// h creates an element: h("a", {href: "#/", class: "x", onclick: f}, "text", child, [more]).
// Attributes that are null, undefined or false are left out; true sets an empty attribute.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") {
      el.addEventListener(k.slice(2), v);
    } else if (k === "class") {
      el.className = v;
    } else if (k === "for") {
      el.htmlFor = v;
    } else if (k === "value" && "value" in el) {
      el.value = v;
    } else if (k === "checked") {
      el.checked = !!v;
    } else {
      el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

const intFormat = new Intl.NumberFormat("en-US");

// num formats a count: 12345 → "12,345"; null → "–".
export function num(n) {
  return n === null || n === undefined ? "–" : intFormat.format(n);
}

// dec formats a number with d decimals, keeping the sign: -3.4 → "-3.40"; null → "–".
export function dec(n, d = 2) {
  return n === null || n === undefined || Number.isNaN(n) ? "–" : n.toFixed(d).replace(/^-(0\.0*)$/, "$1");
}

// Hash routes look like "#/view/arg?key=value&…".

// parseHash splits a location hash into the route's path parts and its parameters.
export function parseHash(hash) {
  let s = hash.replace(/^#/, "");
  const q = s.indexOf("?");
  const query = q < 0 ? "" : s.slice(q + 1);
  if (q >= 0) s = s.slice(0, q);
  const parts = s.split("/").filter((p) => p !== "").map(decodeURIComponent);
  const params = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  return { parts, params };
}

// hashFor builds a hash from path parts and parameters, leaving out empty ones.
export function hashFor(parts, params) {
  const path = "#/" + parts.map(encodeURIComponent).join("/");
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const qs = q.toString();
  return qs ? path + "?" + qs : path;
}

// table builds a data table: columns are {label, title, cell: row => node|string, class}.
export function table(caption, columns, rows, rowAttrs) {
  return h("div", { class: "table-wrap" },
    h("table", {},
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col", class: c.class, title: c.title }, c.label)))),
      h("tbody", {}, rows.map((r, i) =>
        h("tr", rowAttrs ? rowAttrs(r, i) : {}, columns.map((c) => h("td", { class: c.class }, c.cell(r, i))))))));
}

// filterForm builds a form of labelled fields, filled from params. fields are
// {name, label, type: "text"|"date"|"number"|"select"|"checkbox", options: [[value, label]…],
// placeholder, pattern, title, value (default), size, min}. On submit it calls
// onSubmit with the non-empty values (a checked checkbox gives "true").
export function filterForm(id, fields, params, onSubmit, submitLabel = "Show") {
  const inputs = {};
  const rows = fields.map((f) => {
    const fid = `${id}-${f.name}`;
    const value = params[f.name] ?? f.value ?? "";
    let input;
    if (f.type === "select") {
      input = h("select", { id: fid, name: f.name },
        f.options.map(([v, l]) => h("option", { value: v, selected: String(v) === String(value) }, l)));
    } else if (f.type === "checkbox") {
      input = h("input", { id: fid, name: f.name, type: "checkbox", checked: value === "true" || value === true });
    } else {
      input = h("input", {
        id: fid, name: f.name, type: f.type || "text", value, placeholder: f.placeholder,
        pattern: f.pattern, title: f.title, size: f.size, min: f.min, max: f.max,
        autocomplete: "off", spellcheck: "false",
      });
    }
    inputs[f.name] = input;
    const cls = "field" + (f.type === "checkbox" ? " check" : "");
    return f.type === "checkbox"
      ? h("div", { class: cls }, input, h("label", { for: fid }, f.label))
      : h("div", { class: cls }, h("label", { for: fid }, f.label), input);
  });
  const form = h("form", { class: "filters", id, "aria-label": "Filters", novalidate: false },
    rows, h("div", { class: "field actions" }, h("button", { type: "submit" }, submitLabel)));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const values = {};
    for (const f of fields) {
      const el = inputs[f.name];
      if (f.type === "checkbox") values[f.name] = el.checked ? "true" : "false";
      else if (el.value.trim() !== "") values[f.name] = f.upper ? el.value.trim().toUpperCase() : el.value.trim();
    }
    onSubmit(values);
  });
  return form;
}

// pager builds Previous/Next buttons for a list fetched with limit and offset;
// got is how many items came back (fewer than limit: the last page).
export function pager(label, offset, limit, got, go) {
  const from = got === 0 ? offset : offset + 1;
  return h("nav", { class: "pager", "aria-label": label + " pages" },
    h("button", { type: "button", disabled: offset <= 0, onclick: () => go(Math.max(0, offset - limit)) }, "← Previous"),
    h("span", { class: "range" }, got === 0 ? `no ${label} from ${num(offset + 1)}` : `${label} ${num(from)}–${num(offset + got)}`),
    h("button", { type: "button", disabled: got < limit, onclick: () => go(offset + limit) }, "Next →"));
}

// intParam reads a non-negative integer parameter, or def.
export function intParam(params, name, def) {
  const n = Number.parseInt(params[name], 10);
  return Number.isFinite(n) && n >= 0 ? n : def;
}

// link builds an in-page link to a route.
export function link(parts, params, text, attrs) {
  return h("a", { href: hashFor(parts, params), ...attrs }, text);
}

// externalLink builds a link to an outside page (http and https only), opened without referrer.
export function externalLink(url, text) {
  if (!/^https?:\/\//i.test(url || "")) return text || url || "";
  return h("a", { href: url, rel: "noopener noreferrer", target: "_blank", class: "external" }, text || url);
}

// emptyNote is the paragraph shown when a list has nothing.
export function emptyNote(text) {
  return h("p", { class: "empty" }, text);
}

// errorBox shows an error in the page: an API error's message and status.
export function errorBox(err) {
  const status = err && err.status ? ` (status ${err.status})` : "";
  return h("div", { class: "error", role: "alert" },
    h("strong", {}, "Error" + status + ": "), err && err.message ? err.message : String(err));
}
