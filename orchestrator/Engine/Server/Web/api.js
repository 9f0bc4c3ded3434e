// Talking to the server, and the few formats every part of the page uses.
const token = new URLSearchParams(location.search).get("token");
const csrf = document.querySelector('meta[name="csrf-token"]').content;

/** A URL of this server, carrying the page's ?token= when it has one (for <img> and links). */
export const withToken = url => token ? `${url}${url.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}` : url;

/** fetch() with the token as a bearer header and, on a POST, the page's CSRF token; answers { ok, status, body, etag }. */
export async function api(path, init = {}) {
  const headers = { ...(init.headers ?? {}) };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.method && init.method !== "GET") headers["X-CSRF-Token"] = csrf;
  const response = await fetch(path, { ...init, headers });
  const body = response.status === 304 ? {} : await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, body, etag: response.headers.get("ETag") };
}

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
// The test first: most text has nothing to escape, and the graph escapes a few strings per task.
export const escape = text => {
  const s = String(text ?? "");
  return /[&<>"']/.test(s) ? s.replace(/[&<>"']/g, c => ENTITIES[c]) : s;
};

/** Integers as integers (rows 991), other numbers to four places. */
export const number = value => value == null ? "–" : Number.isInteger(value) ? String(value) : Number(value).toFixed(4);

const pad = n => String(n).padStart(2, "0");
export const time = value => {
  if (!value) return "–";
  const d = new Date(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

/** 0.4 s, 12.3 s, 4 min 05 s, 1 h 02 min. */
export const seconds = value => {
  if (value == null) return "–";
  if (value < 60) return `${value.toFixed(1)} s`;
  if (value < 3600) return `${Math.floor(value / 60)} min ${pad(Math.floor(value % 60))} s`;
  return `${Math.floor(value / 3600)} h ${pad(Math.floor(value % 3600 / 60))} min`;
};

/** The CLI's state words, in the order the legend lists them. */
export const STATES = ["Pending", "Running", "Succeeded", "Failed", "Aborted", "NotRun", "Complete"];

/** Archived plots ({ name, url }), each a thumbnail linking to the full image. */
export const plotFigures = plots => `<div class="plots">${plots.map(p =>
  `<figure><a href="${withToken(p.url)}"><img src="${withToken(p.url)}" alt="${escape(p.name)}"></a><figcaption>${escape(p.name)}</figcaption></figure>`).join("")}</div>`;

/** An element from an HTML string (one root). */
export const element = html => {
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  return template.content.firstElementChild;
};
