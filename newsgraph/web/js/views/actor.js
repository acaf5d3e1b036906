// Actors: search with counts; one actor: who it is, roles by date, what it said and did, to whom, over time.
import { get } from "../api.js";
import { append, badge, el, emptyState, num, svg } from "../dom.js";
import { actorLink, csvLink, eventCard, filterForm, pager, paramsObject, quoteCard, scoreClass, viewHref } from "../common.js";

/** Render the actor search list. */
export async function renderActors(params, root) {
  const values = paramsObject(params, ["q", "kind", "country", "sort"]);
  const limit = 50;
  const data = await get("/actors", { ...values, limit, offset: params.get("offset") || 0 });
  append(root, [
    el("h1", {}, "Actors"),
    filterForm("actors", values, [
      { name: "q", label: "Name, id or alias", placeholder: "e.g. Blinken" },
      { name: "kind", label: "Kind", options: [["", "any"], ["state", "state"], ["igo", "IGO"], ["person", "person"],
        ["organisation", "organisation"], ["group", "group"]] },
      { name: "country", label: "Country", placeholder: "e.g. USA" },
      { name: "sort", label: "Order by", options: [["", "mentions"], ["events", "events"], ["quotes", "quotes"], ["name", "name"]] },
    ]),
  ]);
  if (!data.total) {
    root.appendChild(emptyState("No actor matches.", "Try part of a name, or clear the filters. Actors come from "
      + "`newsgraph ingest`: the actor stage resolves every mention."));
    return;
  }
  root.appendChild(el("div", { class: "list-head" }, pager("actors", params, data.total, limit), csvLink("/actors", values)));
  root.appendChild(el("table", { class: "table" },
    el("thead", {}, el("tr", {}, ["Actor", "Kind", "Country", "Sector", "Role", "Mentions", "Quotes", "Events"]
      .map((h) => el("th", {}, h)))),
    el("tbody", {}, data.items.map((a) => el("tr", {},
      el("td", {}, actorLink(a.id, a.name)), el("td", {}, a.kind || ""), el("td", {}, a.country || ""),
      el("td", {}, a.sector || ""), el("td", {}, a.role || ""), el("td", { class: "num" }, num(a.mentions)),
      el("td", { class: "num" }, num(a.quotes)), el("td", { class: "num" }, num(a.events)))))));
}

/** Render one actor. */
export async function renderActor(id, params, root) {
  const [actor, quotes, did, done] = await Promise.all([
    get(`/actors/${encodeURIComponent(id)}`),
    get("/quotes", { speaker: id, limit: 10 }),
    get("/events", { source: id, limit: 10 }),
    get("/events", { target: id, limit: 10 }),
  ]);
  const c = actor.counts;
  append(root, [
    el("p", { class: "crumbs" }, el("a", { href: "#/actors" }, "Actors"), " / ", actor.id),
    el("h1", {}, actor.name || actor.id),
    el("dl", { class: "meta" },
      [["Id", actor.id], ["Kind", actor.kind], ["Country", actor.country], ["Sector", actor.sector], ["Role", actor.role],
        ["Also called", (actor.aliases || []).join(", ")]].filter(([, v]) => v).map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]),
      el("dt", {}, "Seen"), el("dd", {}, `${num(c.mentions)} mentions in ${num(c.articles)} articles · ${num(c.quotes)} quotes · `
        + `${num(c.events_as_source)} events as source · ${num(c.events_as_target)} as target`)),
    el("p", {}, el("a", { href: viewHref("timeline", { actor: actor.id }) }, "Timeline of this actor →"), " · ",
      el("a", { href: viewHref("network", { actor: actor.id }) }, "Network around it →")),
    section("Roles by date", actor.roles.length ? el("table", { class: "table compact" },
      el("thead", {}, el("tr", {}, ["Role", "First seen", "Last seen", "Articles"].map((h) => el("th", {}, h)))),
      el("tbody", {}, actor.roles.map((r) => el("tr", {}, el("td", {}, r.role), el("td", {}, r.first_seen || "–"),
        el("td", {}, r.last_seen || "–"), el("td", { class: "num" }, num(r.articles))))))
      : el("p", { class: "muted" }, "No role stated in the articles (roles come from phrases such as “Secretary of State …”).")),
    section("Activity by month", actor.activity.length ? activityChart(actor.activity)
      : el("p", { class: "muted" }, "No dated quotes or events yet.")),
    el("div", { class: "two-col" },
      section("To whom (as source)", partners(actor.targets)),
      section("From whom (as target)", partners(actor.sources))),
    section(`What it said (${num(quotes.total)})`, quotes.items.length
      ? [el("div", { class: "cards" }, quotes.items.map(quoteCard)), quotes.total > 10
        ? el("p", {}, el("a", { href: viewHref("quotes", { speaker: actor.id }) }, `All ${num(quotes.total)} quotes →`)) : null]
      : el("p", { class: "muted" }, "No quote attributed to this actor.")),
    section(`What it did (${num(did.total)})`, did.items.length ? el("div", { class: "cards" }, did.items.map(eventCard))
      : el("p", { class: "muted" }, "No event with this actor as source.")),
    section(`What was done to it (${num(done.total)})`, done.items.length
      ? el("div", { class: "cards" }, done.items.map(eventCard))
      : el("p", { class: "muted" }, "No event with this actor as target.")),
    el("p", {}, csvLink("/events", { actor: actor.id }), " (all its events)"),
  ]);
}

/** A titled section. */
function section(title, ...content) {
  return el("section", { class: "section" }, el("h2", {}, title), ...content);
}

/** A table of partner actors with event counts and mean PLOVER score. */
function partners(list) {
  if (!list.length) return el("p", { class: "muted" }, "None.");
  return el("table", { class: "table compact" },
    el("thead", {}, el("tr", {}, ["Actor", "Events", "Types", "Mean score", "Last"].map((h) => el("th", {}, h)))),
    el("tbody", {}, list.map((p) => el("tr", {}, el("td", {}, actorLink(p.id, p.name)), el("td", { class: "num" }, num(p.events)),
      el("td", {}, Object.entries(p.types).map(([t, n]) => badge(`${t} ${n}`, "type"))),
      el("td", { class: `num ${scoreClass(p.mean_score)}` }, p.mean_score), el("td", {}, p.last || "–")))));
}

/** Bars of quotes and events per month. */
function activityChart(rows) {
  const w = 900;
  const h = 120;
  const max = Math.max(1, ...rows.map((r) => r.quotes + r.events));
  const step = w / rows.length;
  const plot = svg("svg", { viewBox: `0 0 ${w} ${h + 20}`, class: "chart small", role: "img", "aria-label": "activity by month" });
  rows.forEach((r, i) => {
    const he = (r.events / max) * h;
    const hq = (r.quotes / max) * h;
    plot.appendChild(svg("rect", { x: i * step + 1, width: Math.max(1, step - 2), y: h - he, height: he, class: "event-fill" },
      svg("title", {}, `${r.month}: ${r.events} events`)));
    plot.appendChild(svg("rect", { x: i * step + 1, width: Math.max(1, step - 2), y: h - he - hq, height: hq, class: "quote-fill" },
      svg("title", {}, `${r.month}: ${r.quotes} quotes`)));
    if (i % Math.ceil(rows.length / 10) === 0) {
      plot.appendChild(svg("text", { x: i * step + step / 2, y: h + 14, class: "tick", "text-anchor": "middle" }, r.month));
    }
  });
  return el("figure", { class: "chart-box" }, plot, el("figcaption", { class: "muted" }, "Dark: events · blue: quotes"));
}
