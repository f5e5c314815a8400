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
// A column with sort: row => value (a number or a string; null and "" go
// last) can sort the rows: its header is a button that sorts them, ascending
// then descending, and marks the header with aria-sort. opts.sort is the
// initial {key, dir: "ascending"|"descending"}, a column's key being its
// key or its label; opts.onSort(key, dir) is told of every change.
export function table(caption, columns, rows, rowAttrs, opts = {}) {
  const tbody = h("tbody");
  const fill = (list) => tbody.replaceChildren(...list.map((r, i) =>
    h("tr", rowAttrs ? rowAttrs(r, i) : {}, columns.map((c) => h("td", { class: c.class }, c.cell(r, i))))));
  const keyOf = (c) => c.key || c.label;
  let state = opts.sort && columns.some((c) => c.sort && keyOf(c) === opts.sort.key) ? { ...opts.sort } : null;
  const ths = columns.map((c) => {
    if (!c.sort) return h("th", { scope: "col", class: c.class, title: c.title }, c.label);
    const th = h("th", { scope: "col", class: ["sortable", c.class].filter(Boolean).join(" "), "data-key": keyOf(c) },
      h("button", {
        type: "button", class: "sort", title: c.title ? `${c.title}: sort` : "sort by this column",
        onclick: () => {
          const dir = state && state.key === keyOf(c) && state.dir === "ascending" ? "descending" : "ascending";
          state = { key: keyOf(c), dir };
          apply();
          if (opts.onSort) opts.onSort(state.key, state.dir);
        },
      }, c.label, h("span", { class: "sort-mark", "aria-hidden": "true" })));
    return th;
  });
  const apply = () => {
    columns.forEach((c, i) => {
      if (!c.sort) return;
      const on = state && state.key === keyOf(c);
      if (on) ths[i].setAttribute("aria-sort", state.dir);
      else ths[i].removeAttribute("aria-sort");
    });
    const col = state && columns.find((c) => c.sort && keyOf(c) === state.key);
    fill(col ? sortRows(rows, col.sort, state.dir) : rows);
  };
  apply();
  const sortable = columns.some((c) => c.sort);
  return h("div", { class: "table-wrap" },
    h("table", {},
      h("caption", {}, caption, sortable ? h("span", { class: "sub caption-note" }, "Choose a column heading to sort the rows shown.") : null),
      h("thead", {}, h("tr", {}, ths)),
      tbody));
}

// sortRows returns rows sorted by key (stable), empty values last either way.
export function sortRows(rows, key, dir) {
  const sign = dir === "descending" ? -1 : 1;
  const empty = (v) => v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));
  return rows.map((r, i) => ({ r, i, v: key(r) })).sort((x, y) => {
    const ex = empty(x.v), ey = empty(y.v);
    if (ex || ey) return ex === ey ? x.i - y.i : ex ? 1 : -1;
    let c;
    if (typeof x.v === "number" && typeof y.v === "number") c = x.v - y.v;
    else c = String(x.v).localeCompare(String(y.v), "en", { numeric: true });
    return c !== 0 ? sign * c : x.i - y.i;
  }).map((x) => x.r);
}

// filterForm builds a form of labelled fields, filled from params. fields are
// {name, label, type: "text"|"date"|"number"|"select"|"checkbox", options: [[value, label]…], minlength,
// placeholder, pattern, title, value (default), size, min, upper, enhance}. enhance(input, id),
// when given, may add to the field (an actor list) and returns a node to put
// after the input, or null. On submit it calls onSubmit with the non-empty
// values (a checked checkbox gives "true").
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
        pattern: f.pattern, title: f.title, size: f.size, min: f.min, max: f.max, minlength: f.minlength,
        autocomplete: "off", spellcheck: "false",
      });
    }
    inputs[f.name] = input;
    const extra = f.enhance ? f.enhance(input, fid) : null;
    const cls = "field" + (f.type === "checkbox" ? " check" : "");
    return f.type === "checkbox"
      ? h("div", { class: cls }, input, h("label", { for: fid }, f.label))
      : h("div", { class: cls }, h("label", { for: fid }, f.label), input, extra);
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

// signed formats a score with its sign and a true minus: -0.4 → "−0.4", 4 → "+4.0"; null → "–".
export function signed(n, d = 1) {
  if (n === null || n === undefined || Number.isNaN(n)) return "–";
  const s = dec(Math.abs(n), d);
  if (Number(s) === 0) return s;
  return (n < 0 ? "\u2212" : "+") + s;
}

// plural writes a count with its noun: plural(1, "event") → "1 event", plural(3, "event") → "3 events".
export function plural(n, one, many = one + "s") {
  return `${num(n)} ${n === 1 ? one : many}`;
}
