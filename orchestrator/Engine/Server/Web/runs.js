// The runs table, and a run's own view at /runs/<id>: its figures, a timeline of its attempts, every
// plot it archived, and each attempt's status and reason.
import { api, element, escape, number, plotFigures, seconds, time, withToken } from "./api.js";

// The pipeline's report columns (its headline metrics), from /api/pipeline; every metric is in a run's view.
let metricColumns = [];
const FIXED = ["run", "trigger", "started", "duration", "outcome"];

export function setMetricColumns(columns) {
  metricColumns = columns;
}

export function runsHeader() {
  const COLUMNS = [...FIXED, ...metricColumns];
  return `<tr>${COLUMNS.map((c, i) => `<th${i >= 3 && c !== "outcome" ? ' class="num"' : ""}>${escape(c)}</th>`).join("")}</tr>`;
}

export function runsRows(runs, selected) {
  if (runs.length === 0) return `<tr><td colspan="${FIXED.length + metricColumns.length}" class="empty">no runs yet</td></tr>`;
  return runs.map(r =>
    `<tr data-run="${escape(r.id)}" class="${r.id === selected ? "selected" : ""}"><td class="id"><a href="${withToken(`/runs/${encodeURIComponent(r.id)}`)}">${escape(r.id)}</a></td>` +
    `<td>${escape(r.trigger)}</td><td>${time(r.started)}</td><td class="num">${seconds(r.durationSeconds)}</td>` +
    `<td><span class="outcome ${escape(r.outcome.replaceAll(" ", "-"))}">${escape(r.outcome)}</span></td>` +
    metricColumns.map(key => `<td class="num">${number(r.columns?.[key])}</td>`).join("") + `</tr>`).join("");
}

/** Fills the run view; returns whether the run is still going (or not yet in the history). */
export async function showRun(container, id) {
  const { ok, status, body } = await api(`/api/runs/${encodeURIComponent(id)}`);
  if (!ok) {
    container.replaceChildren(element(`<p class="empty">${status === 404 ? `run ${escape(id)} is not in the history yet; it may still be starting` : escape(body.error ?? "the run cannot be read")}</p>`));
    return status === 404;
  }
  const { run, metrics, plots, attempts, variants } = body;
  const figures = Object.entries(metrics);
  container.innerHTML =
    `<p><span class="outcome ${escape(run.outcome.replaceAll(" ", "-"))}">${escape(run.outcome)}</span> ${escape(run.trigger)} run, started ${time(run.started)}` +
    `${run.durationSeconds == null ? "" : `, took ${seconds(run.durationSeconds)}`}</p>` +
    (run.summary ? `<p class="muted">${escape(run.summary)}</p>` : "") +
    (variants ? `<p><a href="${withToken(`/experiments/${encodeURIComponent(run.id)}`)}">Compare its ${variants} variants</a></p>` : "") +
    (figures.length ? `<table class="metrics"><tr>${figures.map(([k]) => `<th class="num">${escape(k)}</th>`).join("")}</tr>` +
      `<tr>${figures.map(([, v]) => `<td class="num">${number(v)}</td>`).join("")}</tr></table>` : "") +
    (attempts.length ? `<h3>Timeline</h3><div class="gantt"></div>` : "") +
    (plots.length ? `<h3>Plots</h3>${plotFigures(plots)}` : "") +
    (attempts.length ? `<h3>Attempts</h3><div class="scroll"><table class="attempts"><thead><tr><th>task</th><th class="num">attempt</th><th>status</th><th class="num">exit</th><th class="num">duration</th><th>reason</th></tr></thead><tbody>` +
      attempts.map(a => `<tr><td>${escape(a.task)}</td><td class="num">${a.attempt}</td><td><span class="badge ${statusClass(a.status)}">${escape(a.status)}</span></td>` +
        `<td class="num">${a.exitCode ?? "–"}</td><td class="num">${seconds(a.durationSeconds)}</td><td class="wrap">${escape(a.reason ?? "")}</td></tr>`).join("") +
      `</tbody></table></div>` : "");
  if (attempts.length) drawGantt(container.querySelector(".gantt"), run, attempts);
  return run.outcome === "running";
}

// The history writes attempt statuses in lower case ("succeeded"); the page's classes use the CLI's words.
const statusClass = status => ({ succeeded: "Succeeded", failed: "Failed", running: "Running", aborted: "Aborted", notrun: "NotRun" }[status] ?? "Pending");

/** One row per attempt, its bar placed on the run's time axis; built with the DOM so no inline style is needed (CSP). */
function drawGantt(container, run, attempts) {
  const start = Date.parse(run.started);
  const now = Date.now();
  const end = Math.max(...attempts.map(a => Date.parse(a.ended ?? "") || now), Date.parse(run.ended ?? "") || 0, start + 1000);
  const span = end - start;
  const axis = element(`<div class="gantt-row gantt-axis"><span></span><div class="track"></div></div>`);
  for (let i = 0; i <= 4; i++) {
    const tick = element(`<span class="tick">${seconds(span * i / 4000)}</span>`);
    tick.style.left = `${i * 25}%`;
    axis.querySelector(".track").append(tick);
  }
  container.append(axis);
  for (const a of attempts) {
    const from = Date.parse(a.started), to = Date.parse(a.ended ?? "") || now;
    const row = element(`<div class="gantt-row"><span class="label" title="${escape(a.task)}">${escape(a.task)}${a.attempt ? ` #${a.attempt + 1}` : ""}</span>` +
      `<div class="track"><div class="bar ${statusClass(a.status)}" title="${escape(a.task)}: ${escape(a.status)}, ${seconds((to - from) / 1000)}"></div></div></div>`);
    const bar = row.querySelector(".bar");
    bar.style.left = `${(from - start) / span * 100}%`;
    bar.style.width = `${Math.max(0.4, (to - from) / span * 100)}%`;
    container.append(row);
  }
}
