// The single-page app: a hash router (#/view/arg?filters) that renders one view into <main>.
import { summary } from "./api.js";
import { clear, el, errorBox, num } from "./dom.js";
import { renderActor, renderActors } from "./views/actor.js";
import { renderArticle, renderArticles } from "./views/article.js";
import { renderIngest } from "./views/ingest.js";
import { renderNetwork } from "./views/network.js";
import { renderQuotes } from "./views/quotes.js";
import { renderTimeline } from "./views/timeline.js";

const VIEWS = {
  timeline: (arg, params, root) => renderTimeline(params, root),
  quotes: (arg, params, root) => renderQuotes(params, root),
  actors: (arg, params, root) => renderActors(params, root),
  actor: (arg, params, root) => renderActor(arg, params, root),
  network: (arg, params, root) => renderNetwork(params, root),
  articles: (arg, params, root) => renderArticles(params, root),
  article: (arg, params, root) => renderArticle(arg, params, root),
  ingest: (arg, params, root) => renderIngest(params, root),
};

/** Split location.hash into view name, argument and query parameters. */
export function parseRoute(hash) {
  const raw = hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?", 2);
  const [name, ...rest] = path.split("/");
  return { name: name || "timeline", arg: rest.length ? decodeURIComponent(rest.join("/")) : null,
    params: new URLSearchParams(query) };
}

// Each hash change starts a render; only the newest one may write the view (a slow earlier render is dropped).
let renderSeq = 0;

/** Render the view named by the current hash. */
async function route() {
  const root = document.getElementById("view");
  const hash = window.location.hash;
  const seq = ++renderSeq;
  root.removeAttribute("data-ready");
  const { name, arg, params } = parseRoute(hash);
  const view = VIEWS[name];
  for (const link of document.querySelectorAll("#nav a[data-view]")) {
    const active = link.dataset.view === name || (name === "actor" && link.dataset.view === "actors")
      || (name === "article" && link.dataset.view === "articles");
    if (active) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  clear(root);
  if (!view) {
    root.appendChild(el("p", {}, "No such view. ", el("a", { href: "#/timeline" }, "Go to the timeline.")));
    return;
  }
  root.appendChild(el("p", { class: "muted" }, "Loading…"));
  try {
    const content = el("div", { class: `view view-${name}` });
    await view(arg, params, content);
    if (seq !== renderSeq) return;
    clear(root).appendChild(content);
    root.dataset.hash = hash;
    root.dataset.ready = name;
  } catch (err) {
    if (seq !== renderSeq) return;
    clear(root).appendChild(errorBox(err));
    root.dataset.hash = hash;
    root.dataset.ready = "error";
  }
}

/** Show what the store holds in the header. */
async function showStoreInfo() {
  try {
    const s = await summary();
    const c = s.counts;
    document.getElementById("store-info").textContent =
      `${num(c.articles)} articles · ${num(c.quotes)} quotes · ${num(c.events)} events · ${num(c.actors)} actors`;
  } catch (err) {
    document.getElementById("store-info").textContent = "store unavailable";
  }
}

window.addEventListener("hashchange", () => route());
showStoreInfo();
route();
