// Pieces shared by the views: filter forms, pagination, record cards, links.
import { badge, el, num } from "./dom.js";

/** Link to a view with query parameters. */
export function viewHref(view, params = {}, arg = null) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  }
  const path = arg === null ? `#/${view}` : `#/${view}/${encodeURIComponent(arg)}`;
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Link to the evidence of a record: the article with the span highlighted. */
export function evidenceHref(articleId, start, end, kind, id) {
  return viewHref("article", { start, end, kind, id }, articleId);
}

/** Read the current parameters of a view as a plain object. */
export function paramsObject(params, names) {
  const out = {};
  for (const name of names) out[name] = params.get(name) || "";
  return out;
}

/**
 * A filter form: fields = [{name, label, type, options, placeholder}]; submitting it navigates to the view
 * with the new parameters (so every filtered state has its own URL).
 */
export function filterForm(view, values, fields, arg = null) {
  const inputs = {};
  const form = el("form", { class: "filters", onsubmit: (event) => {
    event.preventDefault();
    const next = {};
    for (const [name, input] of Object.entries(inputs)) next[name] = input.value.trim();
    window.location.hash = viewHref(view, next, arg);
  } });
  for (const field of fields) {
    const id = `f-${view}-${field.name}`;
    let input;
    if (field.options) {
      input = el("select", { id, name: field.name },
        field.options.map(([value, label]) => el("option", { value }, label)));
    } else {
      input = el("input", { id, name: field.name, type: field.type || "text", placeholder: field.placeholder || "" });
    }
    input.value = values[field.name] || "";
    inputs[field.name] = input;
    form.appendChild(el("label", { for: id, class: "field" }, el("span", {}, field.label), input));
  }
  form.appendChild(el("div", { class: "field buttons" }, el("button", { type: "submit" }, "Apply"),
    el("a", { href: viewHref(view, {}, arg), class: "button secondary" }, "Clear")));
  return form;
}

/** Previous / next links for a paginated list. */
export function pager(view, params, total, limit, arg = null) {
  const offset = Number(params.get("offset") || 0);
  const base = Object.fromEntries(params.entries());
  const nav = el("div", { class: "pager" });
  const last = Math.min(offset + limit, total);
  nav.appendChild(el("span", { class: "muted" }, total ? `${num(offset + 1)}–${num(last)} of ${num(total)}` : ""));
  if (offset > 0) {
    nav.appendChild(el("a", { href: viewHref(view, { ...base, offset: Math.max(0, offset - limit) }, arg) }, "← newer"));
  }
  if (last < total) nav.appendChild(el("a", { href: viewHref(view, { ...base, offset: offset + limit }, arg) }, "older →"));
  return nav;
}

/** A CSV download link for the same query. */
export function csvLink(path, params) {
  const query = new URLSearchParams(params);
  query.set("format", "csv");
  query.set("limit", "100000");
  query.delete("offset");
  return el("a", { href: `/api${path}?${query.toString()}`, class: "csv", download: "" }, "Download CSV");
}

/** Link to an actor page (its id is also shown on hover). */
export function actorLink(id, label) {
  if (!id) return el("span", { class: "muted" }, label || "unknown");
  return el("a", { href: viewHref("actor", {}, id), class: "actor-link", title: id }, label || id);
}

/** Colour class of a PLOVER score: coop, conflict or neutral. */
export function scoreClass(score) {
  if (score === null || score === undefined) return "neutral";
  return score > 0 ? "coop" : score < 0 ? "conflict" : "neutral";
}

/** One event as a card: type, dyad, date, evidence sentence and a link to it in the article. */
export function eventCard(ev) {
  return el("article", { class: "card event-card" },
    el("div", { class: "card-head" },
      badge(ev.event_type, `type ${scoreClass(ev.score)}`),
      ev.mode ? badge(ev.mode, "mode") : null,
      el("span", { class: "dyad" }, actorLink(ev.source, ev.source_label || ev.source_name), " → ",
        actorLink(ev.target, ev.target_label || ev.target_name)),
      el("span", { class: "date" }, ev.date || "undated")),
    el("p", { class: "sentence" }, ev.sentence || ""),
    el("div", { class: "card-foot muted" },
      ev.outlet ? `${ev.outlet} · ` : "",
      ev.sources > 1 ? `${ev.sources} sources · ` : "",
      `score ${ev.score === null || ev.score === undefined ? "–" : ev.score} · `,
      el("a", { href: evidenceHref(ev.article_id, ev.start, ev.end, "event", ev.id), class: "evidence" },
        "evidence in the article →")));
}

/** One quote as a card: text, speaker, date, outlets, number of sources and the evidence link. */
export function quoteCard(q) {
  const outlets = (q.outlets && q.outlets.length ? q.outlets : [q.outlet]).filter(Boolean);
  return el("article", { class: "card quote-card" },
    el("blockquote", { class: `quote ${q.kind || ""}` }, q.text || ""),
    el("div", { class: "card-foot" },
      el("span", { class: "speaker" }, actorLink(q.speaker_id, q.speaker || "unattributed")),
      q.speaker_role ? el("span", { class: "muted" }, `, ${q.speaker_role}`) : null,
      el("span", { class: "muted" }, ` · ${q.cue || q.kind || ""} · ${q.date || "undated"} · `),
      el("span", { class: "outlets" }, outlets.join(", ") || "unknown outlet"),
      el("span", { class: "muted" }, ` · ${q.sources || 1} source${(q.sources || 1) > 1 ? "s" : ""} · `),
      el("a", { href: evidenceHref(q.article_id, q.start, q.end, "quote", q.id), class: "evidence" },
        "evidence →")));
}

/** Event type <option>s from the PLOVER table. */
export function typeOptions(types) {
  return [["", "any type"], ...types.map((t) => [t, t])];
}

/** Outlet <option>s from the summary. */
export function outletOptions(summary) {
  return [["", "any outlet"], ...summary.outlets.map((o) => [o.outlet, `${o.outlet} (${o.articles})`])];
}
