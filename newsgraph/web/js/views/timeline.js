// Timeline: events (stacked by PLOVER type) and quotes per day or month; click a bar to see its records.
import { get, plover, summary } from "../api.js";
import { append, el, emptyState, num, svg } from "../dom.js";
import { eventCard, filterForm, outletOptions, paramsObject, quoteCard, typeOptions, viewHref } from "../common.js";

const FILTERS = ["actor", "type", "family", "outlet", "since", "until", "interval"];
const COLOURS = {
  AGREE: "#7fb8a4", CONSULT: "#4e9a8a", SUPPORT: "#2f7f6f", CONCEDE: "#9fd0b0", COOPERATE: "#1c6b4f",
  AID: "#0f5132", RETREAT: "#b6d7a8", REQUEST: "#c9c27a", ACCUSE: "#f0a35e", REJECT: "#e88a4d",
  THREATEN: "#d9663b", PROTEST: "#c75b7a", SANCTION: "#b03a48", MOBILIZE: "#933d5c", COERCE: "#7a1f3d",
  ASSAULT: "#4a0d21",
};

/** Colour of an event type in the charts. */
export function typeColour(type) {
  return COLOURS[type] || "#888";
}

/** Render the timeline view. */
export async function renderTimeline(params, root) {
  const values = paramsObject(params, FILTERS);
  const [sum, table] = await Promise.all([summary(), plover()]);
  const data = await get("/timeline", values);
  append(root, [
    el("h1", {}, "Timeline"),
    el("p", { class: "lede" }, "Events (by PLOVER type) and quotes over time. Click a bar to read its records, "
      + "then follow a record to its evidence in the article."),
    filterForm("timeline", values, [
      { name: "actor", label: "Actor id", placeholder: "e.g. USA" },
      { name: "type", label: "Event type", options: typeOptions(table.event_types) },
      { name: "family", label: "Family", options: [["", "all"], ["cooperation", "cooperation"], ["conflict", "conflict"]] },
      { name: "outlet", label: "Outlet", options: outletOptions(sum) },
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
      { name: "interval", label: "Per", options: [["", "day"], ["month", "month"]] },
    ]),
  ]);
  if (!data.buckets.length) {
    root.appendChild(emptyState("No dated events or quotes match.",
      sum.counts.events + sum.counts.quotes === 0
        ? "This store has no events or quotes yet: ingest news pages with `newsgraph ingest PATH --db FILE` "
          + "(the quote and event stages fill them), then reload."
        : "Clear or widen the filters above.",
      data.undated ? `${num(data.undated)} matching events have no day-precise date.` : ""));
    root.appendChild(el("p", {}, el("a", { href: "#/articles" }, "Browse the articles instead →")));
    return;
  }
  const detail = el("section", { class: "bucket-detail", id: "bucket-detail" },
    el("p", { class: "muted" }, "Click a bar to list its events and quotes."));
  root.appendChild(chart(data, values, detail));
  root.appendChild(legend(data.types));
  if (data.undated) root.appendChild(el("p", { class: "muted" }, `${num(data.undated)} events without a day-precise date are not charted.`));
  root.appendChild(detail);
  // the dyad series is a heavier query: load it after the chart is on screen
  const dyadBox = el("section", { class: "dyads" });
  root.appendChild(dyadBox);
  get("/timeline/dyads", { ...values, top: 6 })
    .then((d) => {
      if (d.dyads.length) dyadBox.replaceWith(dyadCharts(d.dyads, data.buckets.map((b) => b.date)));
    })
    .catch((err) => dyadBox.appendChild(el("p", { class: "muted" }, `Dyad series unavailable: ${err.message}`)));
  const selected = params.get("date");
  if (selected) showBucket(selected, values, detail);
}

/** The stacked bar chart of events per bucket, with quotes as dots. */
function chart(data, values, detail) {
  const buckets = data.buckets;
  const width = 1000;
  const height = 260;
  const pad = { left: 40, right: 10, top: 10, bottom: 40 };
  const maxEvents = Math.max(1, ...buckets.map((b) => b.events_total));
  const maxQuotes = Math.max(1, ...buckets.map((b) => b.quotes));
  const step = (width - pad.left - pad.right) / buckets.length;
  const barW = Math.max(2, Math.min(40, step * 0.8));
  const y = (v) => (height - pad.bottom) - (v / maxEvents) * (height - pad.top - pad.bottom);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img",
    "aria-label": "events and quotes over time" });
  root.appendChild(svg("line", { x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0), class: "axis" }));
  root.appendChild(svg("text", { x: pad.left - 6, y: y(maxEvents) + 4, class: "tick", "text-anchor": "end" }, maxEvents));
  root.appendChild(svg("text", { x: pad.left - 6, y: y(0), class: "tick", "text-anchor": "end" }, "0"));
  const labelEvery = Math.ceil(buckets.length / 12);
  buckets.forEach((b, i) => {
    const x = pad.left + i * step + (step - barW) / 2;
    const group = svg("g", { class: "bar", "data-date": b.date, tabindex: 0 });
    let acc = 0;
    for (const type of data.types) {
      const n = b.events[type] || 0;
      if (!n) continue;
      group.appendChild(svg("rect", { x, width: barW, y: y(acc + n), height: y(acc) - y(acc + n), fill: typeColour(type) },
        svg("title", {}, `${b.date}: ${n} ${type}`)));
      acc += n;
    }
    // a transparent hit area so thin bars and quote-only days are clickable
    group.appendChild(svg("rect", { x: pad.left + i * step, width: step, y: pad.top, height: height - pad.top - pad.bottom,
      class: "hit" }, svg("title", {}, `${b.date}: ${b.events_total} events, ${b.quotes} quotes`)));
    if (b.quotes) {
      const qy = (height - pad.bottom) - (b.quotes / maxQuotes) * (height - pad.top - pad.bottom);
      group.appendChild(svg("circle", { cx: x + barW / 2, cy: qy, r: 4, class: "quote-dot" }));
    }
    const open = () => {
      window.history.replaceState(null, "", viewHref("timeline", { ...values, date: b.date }));
      showBucket(b.date, values, detail);
    };
    group.addEventListener("click", open);
    group.addEventListener("keydown", (event) => { if (event.key === "Enter") open(); });
    root.appendChild(group);
    if (i % labelEvery === 0) {
      root.appendChild(svg("text", { x: pad.left + i * step + step / 2, y: height - pad.bottom + 16, class: "tick",
        "text-anchor": "middle" }, b.date));
    }
  });
  return el("figure", { class: "chart-box" }, root,
    el("figcaption", { class: "muted" }, `Bars: events per ${data.interval}; dots: quotes (scaled to the busiest ${data.interval}, ${maxQuotes}).`));
}

/** The colour legend of the event types present. */
function legend(types) {
  const swatch = (fill, cls = "") => svg("svg", { width: 12, height: 12, class: `swatch ${cls}` },
    svg("rect", { width: 12, height: 12, rx: 2, fill }));
  return el("div", { class: "legend" }, types.map((t) => el("span", { class: "legend-item" }, swatch(typeColour(t)), t)),
    el("span", { class: "legend-item" }, swatch("#2b59c3", "quote-swatch"), "quotes"));
}

/** List the events and quotes of one bucket under the chart. */
async function showBucket(date, values, detail) {
  detail.replaceChildren(el("p", { class: "muted" }, `Loading ${date}…`));
  const range = { since: date, until: date };
  const filters = { actor: values.actor, type: values.type, family: values.family, outlet: values.outlet };
  const [events, quotes] = await Promise.all([
    get("/events", { ...filters, ...range, limit: 100 }),
    values.type || values.family ? { items: [], total: 0 }
      : get("/quotes", { speaker: values.actor, outlet: values.outlet, ...range, limit: 100 }),
  ]);
  detail.replaceChildren(
    el("h2", {}, `${date}: ${num(events.total)} events, ${num(quotes.total)} quotes`),
    events.items.length ? el("div", { class: "cards" }, events.items.map(eventCard)) : null,
    quotes.items.length ? el("div", { class: "cards" }, quotes.items.map(quoteCard)) : null,
    events.total > 100 ? el("p", { class: "muted" }, "Showing the first 100 events: narrow the filters to see the rest.")
      : null,
  );
  detail.scrollIntoView({ block: "nearest" });
}

/** Small multiples: the summed PLOVER score per bucket for the busiest dyads, on the timeline's date axis. */
function dyadCharts(dyads, dates) {
  const position = new Map(dates.map((d, i) => [d, i]));
  const box = el("section", { class: "dyads" }, el("h2", {}, "Cooperation – conflict by dyad"),
    el("p", { class: "muted" }, "Sum of PLOVER scores (−10 conflict … +10 cooperation) of the events between two actors, "
      + "either direction."));
  for (const d of dyads) {
    const w = 480;
    const h = 90;
    const maxAbs = Math.max(1, ...d.series.map((p) => Math.abs(p.score)));
    const step = w / Math.max(1, dates.length);
    const mid = h / 2;
    const plot = svg("svg", { viewBox: `0 0 ${w} ${h}`, class: "dyad-chart", role: "img",
      "aria-label": `score series ${d.a_name} and ${d.b_name}` });
    plot.appendChild(svg("line", { x1: 0, x2: w, y1: mid, y2: mid, class: "axis" }));
    d.series.forEach((p) => {
      const i = position.has(p.date) ? position.get(p.date) : null;
      if (i === null) return;
      const hgt = (Math.abs(p.score) / maxAbs) * (mid - 4);
      plot.appendChild(svg("rect", { x: i * step + 1, width: Math.max(1, step - 2), y: p.score >= 0 ? mid - hgt : mid,
        height: Math.max(1, hgt), class: p.score > 0 ? "coop-fill" : p.score < 0 ? "conflict-fill" : "neutral-fill" },
      svg("title", {}, `${p.date}: ${p.events} events, score ${p.score}`)));
    });
    box.appendChild(el("div", { class: "dyad" },
      el("h3", {}, el("a", { href: viewHref("actor", {}, d.a) }, d.a_name), " ↔ ",
        el("a", { href: viewHref("actor", {}, d.b) }, d.b_name), el("span", { class: "muted" }, ` · ${num(d.events)} events`)),
      plot));
  }
  return box;
}
