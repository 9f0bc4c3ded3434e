// Wires the page: polls the graph, the selected task's log and the runs; shows a run at /runs/<id>.
// Timings and layout checks go into data-* attributes on <body>, for the benchmark and the browser tests.
import { api, STATES, withToken } from "./api.js";
import { GraphView } from "./graph.js";
import { TaskPanel } from "./task-panel.js";
import { runsHeader, runsRows, setMetricColumns, showRun } from "./runs.js";
import { RunForm } from "./run-form.js";

const $ = id => document.getElementById(id);
const body = document.body.dataset;
let runs = [], wasRunning = null;

const graphView = new GraphView($("graph"), selection => select(selection, true));
const panel = new TaskPanel({ title: $("task-title"), details: $("task-details"), logBox: $("log-box"), logTitle: $("log-title"), log: $("log") },
  selection => select(selection, true));
const form = new RunForm($("run-dialog"), started => go(started.url));

function select(selection, byUser) {
  graphView.select(selection.task ?? null);
  panel.select(selection, byUser);
}

$("legend").innerHTML = STATES.map(s => `<li><span class="swatch ${s}"></span>${s}</li>`).join("");
$("runs-head").innerHTML = runsHeader();
api("/api/pipeline").then(({ ok, body }) => {
  if (!ok) return;
  document.title = body.title;
  $("home").textContent = body.title;
  setMetricColumns(body.columns);
  $("runs-head").innerHTML = runsHeader();
  refreshRuns();
});
$("run-button").addEventListener("click", () => form.open());

async function refreshGraph() {
  const started = performance.now();
  const { ok, body: graph } = await api("/api/graph");
  if (!ok) return;
  if (graphView.show(graph) && !body.firstRenderMs) body.firstRenderMs = performance.now().toFixed(0);
  const follow = panel.showGraph(graph);
  if (follow) select({ task: follow }, false);
  const counts = new Map();
  for (const t of graph.tasks) counts.set(t.state, (counts.get(t.state) ?? 0) + 1);
  $("counts").innerHTML = STATES.filter(s => counts.has(s)).map(s => `<span class="chip ${s}">${counts.get(s)} ${s}</span>`).join("");
  $("run-status").textContent = graph.running ? `run ${graph.runId} going` : "";
  $("run-button").disabled = graph.running;
  body.lastRefreshMs = (performance.now() - started).toFixed(0);
  body.refreshes = Number(body.refreshes ?? 0) + 1;
  if (wasRunning !== null && wasRunning !== graph.running) { refreshRuns(); refreshRun(); }
  wasRunning = graph.running;
}

async function refreshRuns() {
  const { ok, body: answer } = await api("/api/runs");
  if (!ok) return;
  runs = answer;
  $("runs").innerHTML = runsRows(runs, currentRun());
  measure();
}

// Whether anything sticks out sideways: the page, or the runs table out of its panel.
function measure() {
  const scroll = $("runs-scroll");
  body.viewportWidth = innerWidth;
  body.pageOverflowPx = Math.max(0, document.documentElement.scrollWidth - innerWidth);
  body.runsHiddenPx = Math.max(0, scroll.scrollWidth - scroll.clientWidth);
}

const currentRun = () => location.pathname.startsWith("/runs/") ? decodeURIComponent(location.pathname.slice("/runs/".length)) : null;

let runTimer;
async function refreshRun() {
  clearTimeout(runTimer);
  const id = currentRun();
  $("run-view").hidden = !id;
  if (!id) return;
  $("run-title").textContent = id;
  const going = await showRun($("run-body"), id);
  measure();
  if (going && id === currentRun()) runTimer = setTimeout(refreshRun, 2000);
}

function go(url) {
  history.pushState(null, "", withToken(url));
  route();
}

function route() {
  $("runs").innerHTML = runsRows(runs, currentRun());
  refreshRun();
  if (currentRun()) $("run-view").scrollIntoView({ block: "start" });
}

document.addEventListener("click", event => {
  const link = event.target.closest("a[href]");
  const row = event.target.closest("tr[data-run]");
  const href = link?.getAttribute("href") ?? (row ? `/runs/${encodeURIComponent(row.dataset.run)}` : null);
  if (!href || !(href === "/" || href.startsWith("/runs/") || href.startsWith("/?"))) return;
  event.preventDefault();
  go(href.split("?")[0]);
});
addEventListener("popstate", route);
addEventListener("resize", measure);
// Later, not in the drawing's own task: measuring forces a layout of the whole drawing.
graphView.onRedraw = () => setTimeout(measure, 100);

async function poll(what, every) {
  try { await what(); } finally { setTimeout(() => poll(what, every), every); }
}
route();
poll(refreshGraph, 1000);
poll(() => panel.refreshLog(), 1000);
poll(refreshRuns, 5000);
