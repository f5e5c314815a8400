// The JSON API client. The server puts the API's path prefix in
// <meta name="worldmedia-api">; every request goes to the page's own origin.

const meta = document.querySelector('meta[name="worldmedia-api"]');
export const apiBase = ((meta && meta.content) || "/api/v1").replace(/\/+$/, "");

// APIError is an error the API answered with ({"error":{"status","message"}}),
// or a failure to reach it or to read its answer (status 0).
export class APIError extends Error {
  constructor(status, message, url) {
    super(message);
    this.name = "APIError";
    this.status = status;
    this.url = url;
  }
}

// apiURL builds the URL of an API request, leaving out empty parameters.
export function apiURL(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const qs = q.toString();
  return apiBase + path + (qs ? "?" + qs : "");
}

// get requests path with params and returns the decoded JSON. It throws an
// APIError for an error status, an unreachable server or a body that is not
// JSON; an abort through signal throws the AbortError as it is.
export async function get(path, params, signal) {
  return getURL(apiURL(path, params), signal);
}

// getURL fetches JSON from a URL of the page's origin (the API, or a vendored data file).
export async function getURL(url, signal) {
  return request(url, { signal, headers: { Accept: "application/json" } });
}

// post sends body to path (an object as JSON, a string as text/plain) and
// returns the decoded JSON answer; opts.token, when given, goes as a bearer
// token. Errors as for get.
export async function post(path, body, opts = {}) {
  const url = apiBase + path;
  const headers = { Accept: "application/json" };
  if (typeof body === "string") {
    headers["Content-Type"] = "text/plain; charset=utf-8";
  } else {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(body);
  }
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  return request(url, { method: "POST", body, headers, signal: opts.signal });
}

async function request(url, init) {
  let resp;
  try {
    resp = await fetch(url, init);
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new APIError(0, `cannot reach the server for ${url}: ${e.message}`, url);
  }
  let text;
  try {
    text = await resp.text();
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new APIError(resp.status, `reading the answer to ${url}: ${e.message}`, url);
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    const snippet = text.replace(/\s+/g, " ").trim().slice(0, 200);
    const msg = resp.ok
      ? `the answer to ${url} is not JSON`
      : `HTTP ${resp.status} ${resp.statusText}${snippet ? ": " + snippet : ""}`;
    throw new APIError(resp.status, msg, url);
  }
  if (!resp.ok) {
    const err = body && body.error;
    const status = (err && err.status) || resp.status;
    const message = (err && err.message) || `HTTP ${resp.status} ${resp.statusText}`;
    throw new APIError(status, message, url);
  }
  return body;
}
