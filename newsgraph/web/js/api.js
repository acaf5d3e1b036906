// Fetch JSON from the newsgraph REST API; errors carry the server's message.

/** Build "/api/path?a=1&b=2", dropping empty parameters. */
export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  }
  const qs = query.toString();
  return `/api${path}${qs ? "?" + qs : ""}`;
}

/** GET a JSON document from the API. */
export async function get(path, params = {}) {
  const response = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? `${body.error.message} (${body.error.code})` : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

let summaryPromise = null;

/** The store summary (counts, outlets, types), fetched once per page load. */
export function summary() {
  if (!summaryPromise) summaryPromise = get("/summary");
  return summaryPromise;
}

let ploverPromise = null;

/** The PLOVER score table, fetched once. */
export function plover() {
  if (!ploverPromise) ploverPromise = get("/plover");
  return ploverPromise;
}
