// The experiments view, /experiments[/<run>]: a run's sweep (the latest by default), its variants best
// first by the metric the pipeline ranks them by, the chosen one marked, the plots comparing them, and
// a chart of the chosen variant's metric across past sweeps (each point leads to its run's sweep).
import { api, element, escape, number, plotFigures, seconds, time, withToken } from "./api.js";

const CHART_W = 640, CHART_H = 180, PAD_LEFT = 64, PAD = 16;

/** Fills the view; answers whether the shown run is still going. */
export async function showExperiments(container, runId) {
  const { ok, body: history } = await api("/api/experiments");
  if (!ok) return fail(container, history.error ?? "the history cannot be read");
  const id = runId ?? history.runs.at(-1)?.id;
  if (!id) {
    container.replaceChildren(element(`<p class="empty">No run has swept a task yet. A task with a matrix runs as variants, and they are compared here.</p>`));
    return false;
  }
  const { ok: found, status, body } = await api(`/api/experiments/${encodeURIComponent(id)}`);
  if (!found) return fail(container, status === 404 ? `run ${id} is not in the history yet` : body.error ?? "the run cannot be read", status === 404);
  container.innerHTML =
    `<p>Run <a href="${withToken(`/runs/${encodeURIComponent(id)}`)}">${escape(id)}</a>, started ${time(body.run.started)}: ` +
    `<span class="outcome ${escape(body.run.outcome.replaceAll(" ", "-"))}">${escape(body.run.outcome)}</span> · ${body.variants.length} variants` +
    (body.metric ? `, best ${escape(body.metric)} first (lowest)` : "") + `</p>` +
    (body.chosen ? `<p class="chosen-line">Chosen: <strong>${escape(body.chosen)}</strong>, ${escape(body.metric)} ${number(body.variants[0].metrics[body.metric])}</p>` : "") +
    variantsTable(body) +
    (body.plots.length ? `<h3>Comparison</h3>${plotFigures(body.plots)}` : "") +
    (history.metric ? `<h3>Chosen ${escape(history.metric)} across sweeps</h3>${chart(history, id)}` : "");
  return body.run.outcome === "running";
}

function fail(container, message, retry = false) {
  container.replaceChildren(element(`<p class="empty">${escape(message)}</p>`));
  return retry;
}

function variantsTable({ parameters, metrics, variants }) {
  const head = `<tr><th>variant</th>${parameters.map(p => `<th class="num">${escape(p)}</th>`).join("")}<th>outcome</th><th class="num">duration</th>` +
    `${metrics.map(m => `<th class="num">${escape(m)}</th>`).join("")}</tr>`;
  const rows = variants.map(v =>
    `<tr data-variant="${escape(v.task)}"${v.chosen ? ` class="chosen"` : ""}><td class="id">${escape(v.task)}${v.chosen ? ` <span class="badge chosen-badge">chosen</span>` : ""}</td>` +
    parameters.map(p => `<td class="num">${escape(v.parameters[p] ?? "–")}</td>`).join("") +
    `<td><span class="outcome ${escape(v.outcome.replaceAll(" ", "-"))}">${escape(v.outcome)}</span></td><td class="num">${seconds(v.seconds)}</td>` +
    metrics.map(m => `<td class="num">${number(v.metrics[m])}</td>`).join("") + `</tr>`).join("");
  return `<div class="scroll"><table class="experiment"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

/** Points of the chosen variant's metric per sweep, oldest on the left; the shown run's point is marked. */
function chart({ runs }, shown) {
  const points = runs.filter(r => r.value != null);
  if (points.length === 0) return `<p class="empty">No sweep has a chosen variant yet.</p>`;
  const values = points.map(r => r.value);
  const low = Math.min(...values), high = Math.max(...values);
  const x = i => PAD_LEFT + (points.length === 1 ? (CHART_W - PAD_LEFT - PAD) / 2 : i * (CHART_W - PAD_LEFT - PAD) / (points.length - 1));
  const plotHeight = CHART_H - 2 * PAD - 14;
  // Equal values sit halfway up.
  const y = v => PAD + (high === low ? plotHeight / 2 : (high - v) / (high - low) * plotHeight);
  const line = points.map((r, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(r.value).toFixed(1)}`).join("");
  const dots = points.map((r, i) =>
    `<a href="${withToken(`/experiments/${encodeURIComponent(r.id)}`)}"><circle class="point${r.id === shown ? " shown" : ""}" data-run="${escape(r.id)}" cx="${x(i).toFixed(1)}" cy="${y(r.value).toFixed(1)}" r="${r.id === shown ? 6 : 4}">` +
    `<title>${escape(r.id)} (${time(r.started)}): ${escape(r.chosen)}, ${number(r.value)}</title></circle></a>`).join("");
  const axis = `<text class="axis" x="${PAD_LEFT - 6}" y="${y(high) + 4}">${number(high)}</text>` +
    (high !== low ? `<text class="axis" x="${PAD_LEFT - 6}" y="${y(low) + 4}">${number(low)}</text>` : "") +
    `<text class="axis start" x="${PAD_LEFT}" y="${CHART_H - 2}">${escape(time(points[0].started))}</text>` +
    (points.length > 1 ? `<text class="axis end" x="${CHART_W - PAD}" y="${CHART_H - 2}">${escape(time(points.at(-1).started))}</text>` : "");
  return `<svg class="metric-chart" viewBox="0 0 ${CHART_W} ${CHART_H}" xmlns="http://www.w3.org/2000/svg">` +
    `<path class="baseline" d="M${PAD_LEFT},${PAD}V${CHART_H - PAD - 14}H${CHART_W - PAD}"></path><path class="trend" d="${line}"></path>${dots}${axis}</svg>`;
}
