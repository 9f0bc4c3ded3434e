// Wires the page: polls the graph, the selected task's log and the runs; shows a run at /runs/<id>
// and a run's sweep at /experiments[/<run>].
// Timings and layout checks go into data-* attributes on <body>, for the benchmark and the browser tests.
// Only what draws the graph loads before it, served with this file as one plain script (the
// server joins the imports below in); the side panel, the runs, the run form, the task finder and
// the experiments view load as modules once it is drawn.
import { api, STATES, withToken } from "./api.js";
import { GraphView } from "./graph.js";

const $ = id => document.getElementById(id);
const body = document.body.dataset;
let runs = [], wasRunning = null, panel = null, form = null, runsView = null;
// Settles once the modules after the first draw are in; a click before then waits for it.
let ready;

const graphView = new GraphView($("graph"), selection => select(selection, true));

function select(selection, byUser) {
  graphView.select(selection.task ?? null, byUser);
  ready.then(() => panel.select(selection, byUser));
}

$("legend").innerHTML = STATES.map(s => `<li><span class="swatch ${s}"></span>${s}</li>`).join("");
$("run-button").addEventListener("click", () => ready.then(() => form.open()));

// The ETag of the answer last shown: while the server answers 304 to it, nothing changed and nothing is parsed.
let graphTag = null;

async function refreshGraph() {
  const started = performance.now();
  const { ok, status, body: graph, etag } = await api("/api/graph", graphTag ? { headers: { "If-None-Match": graphTag } } : {});
  if (status === 304) {
    body.unchangedRefreshes = Number(body.unchangedRefreshes ?? 0) + 1;
    return;
  }
  if (!ok) return;
  if (await graphView.show(graph) && !body.firstRenderMs) body.firstRenderMs = performance.now().toFixed(0);
  showInPanel(graph);
  const counts = new Map();
  for (const t of graph.tasks) counts.set(t.state, (counts.get(t.state) ?? 0) + 1);
  $("counts").innerHTML = STATES.filter(s => counts.has(s)).map(s => `<span class="chip ${s}">${counts.get(s)} ${s}</span>`).join("");
  $("run-status").textContent = graph.running ? `run ${graph.runId} going` : "";
  $("run-button").disabled = graph.running;
  body.lastRefreshMs = (performance.now() - started).toFixed(0);
  body.refreshes = Number(body.refreshes ?? 0) + 1;
  if (runsView && wasRunning !== null && wasRunning !== graph.running) { refreshRuns(); refreshRoute(); }
  wasRunning = graph.running;
  // Only now: an answer that failed to show is asked for in full again.
  graphTag = etag;
}

function showInPanel(graph) {
  const follow = panel?.showGraph(graph);
  if (follow) select({ task: follow }, false);
}

async function loadTheRest() {
  const [{ TaskPanel }, runsModule, { RunForm }, { connectTaskFinder }] =
    await Promise.all([import("./task-panel.js"), import("./runs.js"), import("./run-form.js"), import("./task-finder.js")]);
  panel = new TaskPanel({ title: $("task-title"), details: $("task-details"), logBox: $("log-box"), logTitle: $("log-title"), log: $("log") },
    selection => select(selection, true));
  // Later answers may all be 304s: the panel starts from the one already shown.
  if (graphView.latest) showInPanel(graphView.latest);
  form = new RunForm($("run-dialog"), started => go(started.url));
  connectTaskFinder($("find-task"), $("task-ids"), graphView, task => select({ task }, true));
  runsView = runsModule;
  $("runs-head").innerHTML = runsView.runsHeader();
  api("/api/pipeline").then(({ ok, body: pipeline }) => {
    if (!ok) return;
    document.title = pipeline.title;
    $("home").textContent = pipeline.title;
    runsView.setMetricColumns(pipeline.columns);
    $("runs-head").innerHTML = runsView.runsHeader();
    $("runs").innerHTML = runsView.runsRows(runs, currentRun());
  });
  document.addEventListener("click", follow);
  addEventListener("popstate", route);
  route();
  poll(() => panel.refreshLog(), 1000);
  poll(refreshRuns, 5000);
}

async function refreshRuns() {
  const { ok, body: answer } = await api("/api/runs");
  if (!ok) return;
  runs = answer;
  $("runs").innerHTML = runsView.runsRows(runs, currentRun());
  measure();
}

// Whether anything sticks out sideways: the page, or the runs table out of its panel.
function measure() {
  const scroll = $("runs-scroll");
  body.viewportWidth = innerWidth;
  body.pageOverflowPx = Math.max(0, document.documentElement.scrollWidth - innerWidth);
  body.runsHiddenPx = Math.max(0, scroll.scrollWidth - scroll.clientWidth);
}

const idAfter = prefix => location.pathname.startsWith(prefix) ? decodeURIComponent(location.pathname.slice(prefix.length)) : null;
const currentRun = () => idAfter("/runs/");
// "" for /experiments: the latest sweep.
const currentExperiment = () => location.pathname === "/experiments" ? "" : idAfter("/experiments/");

let routeTimer;
async function refreshRoute() {
  clearTimeout(routeTimer);
  const path = location.pathname, run = currentRun(), experiment = currentExperiment();
  $("run-view").hidden = run === null;
  $("experiments-view").hidden = experiment === null;
  let going = false;
  if (run !== null) {
    $("run-title").textContent = run;
    going = await runsView.showRun($("run-body"), run);
  } else if (experiment !== null) {
    const { showExperiments } = await import("./experiments.js");
    going = await showExperiments($("experiments-body"), experiment || null);
  }
  measure();
  if (going && path === location.pathname) routeTimer = setTimeout(refreshRoute, 2000);
}

function go(url) {
  history.pushState(null, "", withToken(url));
  route();
}

function route() {
  $("runs").innerHTML = runsView.runsRows(runs, currentRun());
  refreshRoute();
  if (currentRun() !== null) $("run-view").scrollIntoView({ block: "start" });
  if (currentExperiment() !== null) $("experiments-view").scrollIntoView({ block: "start" });
}

function follow(event) {
  const link = event.target.closest("a[href]");
  const row = event.target.closest("tr[data-run]");
  const href = link?.getAttribute("href") ?? (row ? `/runs/${encodeURIComponent(row.dataset.run)}` : null);
  if (!href || !(href === "/" || href.startsWith("/runs/") || href.startsWith("/experiments") || href.startsWith("/?"))) return;
  event.preventDefault();
  go(href.split("?")[0]);
}

addEventListener("resize", measure);
// Later, not in the drawing's own task: measuring forces a layout of the whole drawing.
graphView.onRedraw = () => setTimeout(measure, 100);

async function poll(what, every) {
  try { await what(); } finally { setTimeout(() => poll(what, every), every); }
}
ready = refreshGraph().catch(error => console.error(error)).then(() => {
  setTimeout(() => poll(refreshGraph, 1000), 1000);
  return loadTheRest();
});
