// Article: clean text with quotes, events, actor mentions and dates highlighted by their offsets;
// the dropped boilerplate collapsed; copies and the story's other articles linked. Also the article list.
import { get, summary } from "../api.js";
import { append, badge, el, emptyState, num } from "../dom.js";
import { actorLink, csvLink, filterForm, outletOptions, pager, paramsObject, scoreClass, viewHref } from "../common.js";

const LAYERS = [
  { key: "quotes", label: "Quotes", cls: "hl-quote" },
  { key: "events", label: "Events", cls: "hl-event" },
  { key: "mentions", label: "Actors", cls: "hl-actor" },
  { key: "timexes", label: "Dates", cls: "hl-time" },
];

/**
 * Cut the text into segments at every annotation boundary; each segment knows which annotations cover it.
 * Offsets are Python string indices (code points), so the text is indexed as an array of code points.
 */
export function segments(text, spans) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= chars.length && s.start < s.end) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    out.push({ start: a, end: b, text: chars.slice(a, b).join(""), spans: spans.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

/** Render one article. */
export async function renderArticle(id, params, root) {
  const art = await get(`/articles/${encodeURIComponent(id)}`);
  const focus = params.get("start") !== null ? { start: Number(params.get("start")), end: Number(params.get("end")),
    kind: params.get("kind"), id: params.get("id") } : null;
  const spans = [];
  for (const layer of LAYERS) {
    for (const rec of art[layer.key]) spans.push({ ...rec, layer: layer.key, cls: layer.cls });
  }
  if (focus) spans.push({ start: focus.start, end: focus.end, layer: "focus", cls: "hl-focus" });
  const inspector = el("aside", { class: "inspector", id: "inspector" },
    el("p", { class: "muted" }, "Click a highlighted passage to see the record behind it."));
  const body = el("div", { class: "article-text", id: "article-text" });
  for (const seg of segments(art.text || "", spans)) {
    if (!seg.spans.length) {
      body.appendChild(document.createTextNode(seg.text));
      continue;
    }
    const classes = [...new Set(seg.spans.map((s) => s.cls))].join(" ");
    const mark = el("mark", { class: classes, tabindex: 0 }, seg.text);
    mark.addEventListener("click", () => inspect(seg.spans, inspector));
    body.appendChild(mark);
  }
  append(root, [
    el("p", { class: "crumbs" }, el("a", { href: "#/articles" }, "Articles"), " / ", art.outlet || art.source_name || ""),
    el("h1", {}, art.title || "(no title)"),
    meta(art),
    toggles(body),
    el("div", { class: "article-layout" }, el("div", {}, body, boilerplate(art.boilerplate || [])), inspector),
    related(art),
  ]);
  if (focus) {
    const target = body.querySelector(".hl-focus");
    if (target) {
      target.id = "focus";
      const rec = spans.find((s) => s.layer === (focus.kind === "quote" ? "quotes" : "events") && s.id === focus.id);
      inspect(rec ? [rec] : [], inspector);
      window.requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
    }
  }
}

/** The article's metadata line. */
function meta(art) {
  const items = [
    ["Outlet", art.outlet], ["Credited to", art.original_outlet], ["Page date", art.page_date],
    ["Published", art.published ? `${art.published}${art.published_evidence ? ` (${art.published_evidence})` : ""}` : null],
    ["Byline", art.byline], ["Source", art.source],
  ].filter(([, v]) => v);
  return el("dl", { class: "meta" }, items.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]),
    el("dt", {}, "Records"), el("dd", {}, `${art.quotes.length} quotes · ${art.events.length} events · `
      + `${art.mentions.length} actor mentions · ${art.timexes.length} dates`));
}

/** Checkboxes that switch highlight layers on and off. */
function toggles(body) {
  const box = el("div", { class: "toggles" }, el("span", { class: "muted" }, "Highlight: "));
  for (const layer of LAYERS) {
    const input = el("input", { type: "checkbox", id: `t-${layer.key}` });
    input.checked = true;
    input.addEventListener("change", () => body.classList.toggle(`hide-${layer.key}`, !input.checked));
    box.appendChild(el("label", { for: `t-${layer.key}`, class: `toggle ${layer.cls}` }, input, layer.label));
  }
  return box;
}

/** Show the records under a clicked passage. */
function inspect(spans, inspector) {
  inspector.replaceChildren(el("h2", {}, "Records here"));
  const records = spans.filter((s) => s.layer !== "focus");
  if (!records.length) inspector.appendChild(el("p", { class: "muted" }, "The linked passage."));
  for (const s of records) inspector.appendChild(recordBox(s));
}

/** One record in the inspector. */
function recordBox(s) {
  if (s.layer === "quotes") {
    return el("div", { class: "record" }, badge("quote", "hl-quote"), " ", s.kind || "",
      el("blockquote", { class: "quote" }, s.text || ""),
      el("p", {}, "Speaker: ", actorLink(s.speaker_id, s.speaker || "unattributed"),
        s.speaker_role ? ` (${s.speaker_role})` : ""),
      el("p", { class: "muted" }, `cue “${s.cue || "–"}” · date ${s.date || "–"} · rule ${s.rule || "–"} · `
        + `confidence ${s.confidence ?? "–"} · ${s.sources || 1} source(s)`));
  }
  if (s.layer === "events") {
    return el("div", { class: "record" }, badge(s.event_type, `type ${scoreClass(s.score)}`), " ", s.mode || "",
      el("p", {}, actorLink(s.source, s.source_name || s.source_label), " → ",
        actorLink(s.target, s.target_name || s.target_label)),
      el("p", { class: "muted" }, `date ${s.date || "–"} · ${s.location || "no place"} · trigger “${s.trigger || "–"}” · `
        + `rule ${s.rule || "–"} · confidence ${s.confidence ?? "–"} · PLOVER score ${s.score ?? "–"}`
        + `${s.negated ? " · negated" : ""}${s.hypothetical ? " · hypothetical" : ""}`));
  }
  if (s.layer === "mentions") {
    return el("div", { class: "record" }, badge("actor", "hl-actor"), " ", actorLink(s.actor_id, s.actor_name),
      el("p", { class: "muted" }, `“${s.text}” · ${s.kind || ""}${s.role ? ` · ${s.role}` : ""} · rule ${s.rule} · `
        + `confidence ${s.confidence}`));
  }
  return el("div", { class: "record" }, badge("date", "hl-time"), ` “${s.text}” → ${s.value} (${s.type})`);
}

/** The dropped boilerplate, collapsed. */
function boilerplate(lines) {
  if (!lines.length) return el("p", { class: "muted" }, "No boilerplate was dropped.");
  return el("details", { class: "boilerplate" },
    el("summary", {}, `${lines.length} line${lines.length > 1 ? "s" : ""} dropped as boilerplate (navigation, ads, related links)`),
    el("ol", {}, lines.map((l) => el("li", {}, l))));
}

/** Copies of this article and the other articles of its story. */
function related(art) {
  const box = el("section", { class: "related" });
  const item = (a) => el("li", {}, el("a", { href: viewHref("article", {}, a.id) }, a.title || a.id),
    el("span", { class: "muted" }, ` · ${a.outlet || "?"} · ${a.published || "undated"}`));
  box.appendChild(el("h2", {}, "Copies"));
  box.appendChild(art.copies.length ? el("ul", {}, art.copies.map(item))
    : el("p", { class: "muted" }, "No duplicate or syndicated copy of this article is stored."));
  box.appendChild(el("h2", {}, "Same story"));
  if (art.story && art.story.articles.length) {
    box.appendChild(el("p", {}, art.story.label || art.story.id));
    box.appendChild(el("ul", {}, art.story.articles.map(item)));
  } else {
    box.appendChild(el("p", { class: "muted" }, art.story_id ? "No other article in this story."
      : "Not linked to a story (stories appear once the link stage has run)."));
  }
  return box;
}

/** The article list with search and filters. */
export async function renderArticles(params, root) {
  const values = paramsObject(params, ["q", "outlet", "since", "until", "story"]);
  const sum = await summary();
  const limit = 50;
  const data = await get("/articles", { ...values, limit, offset: params.get("offset") || 0 });
  append(root, [
    el("h1", {}, "Articles"),
    filterForm("articles", values, [
      { name: "q", label: "Search text", placeholder: "words in title or text" },
      { name: "outlet", label: "Outlet", options: outletOptions(sum) },
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
    ]),
  ]);
  if (!data.total) {
    root.appendChild(emptyState("No article matches.", sum.counts.articles
      ? "Clear the filters or search for other words."
      : "The store is empty: run `newsgraph ingest PATH --db FILE` on news pages, then reload."));
    return;
  }
  root.appendChild(el("div", { class: "list-head" }, pager("articles", params, data.total, limit), csvLink("/articles", values)));
  root.appendChild(el("table", { class: "table" },
    el("thead", {}, el("tr", {}, ["Published", "Title", "Outlet", "Quotes", "Events", "Actors"].map((h) => el("th", {}, h)))),
    el("tbody", {}, data.items.map((a) => el("tr", {},
      el("td", { class: "nowrap" }, a.published || "–"),
      el("td", {}, el("a", { href: viewHref("article", {}, a.id) }, a.title || a.source_name || a.id),
        a.duplicate_of ? badge("copy", "muted") : null),
      el("td", {}, a.outlet || "–"), el("td", { class: "num" }, num(a.quotes)), el("td", { class: "num" }, num(a.events)),
      el("td", { class: "num" }, num(a.mentions)))))));
}
