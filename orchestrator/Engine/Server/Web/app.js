"use strict";
// The page draws the graph once, then only swaps node classes as /api/graph reports new states,
// so it stays fast with thousands of tasks.
(() => {
  const token = new URLSearchParams(location.search).get("token");
  const NODE_W = 150, NODE_H = 34, COL = 200, ROW = 46, PAD = 12;
  const STATES = ["pending", "running", "complete", "failed", "stale"];
  const $ = id => document.getElementById(id);
  const nodes = new Map();
  let drawnLayout = "", selectedTask = null, followRunning = true, logNext = 0, logKey = "", selectedRun = null, wasRunning = null;

  const withToken = url => token ? `${url}${url.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}` : url;
  async function api(path, init) {
    const response = await fetch(path, { ...init, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const body = await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, body };
  }
  const escape = text => String(text ?? "").replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
  const number = value => value == null ? "–" : Number(value).toFixed(4);
  const pad = n => String(n).padStart(2, "0");
  const time = value => {
    if (!value) return "–";
    const d = new Date(value);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  };
  const seconds = value => value == null ? "–" : `${value.toFixed(1)} s`;

  function drawGraph(graph) {
    const x = t => PAD + t.layer * COL, y = t => PAD + t.row * ROW;
    const byId = new Map(graph.tasks.map(t => [t.id, t]));
    let edges = "";
    for (const t of graph.tasks) {
      for (const dep of t.dependsOn) {
        const d = byId.get(dep);
        const x1 = x(d) + NODE_W, y1 = y(d) + NODE_H / 2, x2 = x(t), y2 = y(t) + NODE_H / 2, mid = (x1 + x2) / 2;
        edges += `M${x1},${y1}C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
      }
    }
    const boxes = graph.tasks.map(t =>
      `<g class="node ${t.state}" data-id="${escape(t.id)}" transform="translate(${x(t)},${y(t)})">` +
      `<title>${escape(t.id)}: ${escape(t.reason)}</title><rect width="${NODE_W}" height="${NODE_H}"></rect>` +
      `<text x="10" y="${NODE_H / 2 + 4}">${escape(t.id.length > 20 ? t.id.slice(0, 19) + "…" : t.id)}</text></g>`).join("");
    const width = PAD * 2 + (graph.layers - 1) * COL + NODE_W, height = PAD * 2 + (graph.rows - 1) * ROW + NODE_H;
    // A graph up to twice the panel's width shrinks to fit (a chain stays readable); a larger one scrolls.
    const fits = width <= 2 * $("graph").clientWidth ? ` style="max-width:100%;height:auto"` : "";
    $("graph").innerHTML = `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"${fits} xmlns="http://www.w3.org/2000/svg">` +
      `<path class="edges" d="${edges}"></path>${boxes}</svg>`;
    nodes.clear();
    for (const g of $("graph").querySelectorAll("g.node")) nodes.set(g.dataset.id, g);
  }

  function updateStates(graph) {
    const counts = Object.fromEntries(STATES.map(s => [s, 0]));
    for (const t of graph.tasks) {
      counts[t.state]++;
      const g = nodes.get(t.id);
      if (!g) continue;
      const wanted = `node ${t.state}${t.id === selectedTask ? " selected" : ""}`, title = `${t.id}: ${t.reason}`;
      if (g.getAttribute("class") !== wanted) g.setAttribute("class", wanted);
      // The reason can change while the state stays (another input changed).
      if (g.firstChild.textContent !== title) g.firstChild.textContent = title;
    }
    $("counts").innerHTML = STATES.filter(s => counts[s]).map(s =>
      `<span class="chip" style="--c: var(--${s})">${counts[s]} ${s}</span>`).join("");
    $("run-status").textContent = graph.running ? `run ${graph.runId} going` : graph.runId ? `last run here: ${graph.runId}` : "";
    $("run-button").disabled = graph.running;
    // Until someone picks a task, the log follows whatever is running.
    const running = graph.tasks.find(t => t.state === "running");
    if (followRunning && running && running.id !== selectedTask) selectTask(running.id);
  }

  function selectTask(id) {
    nodes.get(selectedTask)?.classList.remove("selected");
    selectedTask = id;
    nodes.get(id)?.classList.add("selected");
    logNext = 0; logKey = "";
    refreshLog();
  }

  // Timings in data-* attributes on <body>, for the benchmark to read with --dump-dom.
  async function refreshGraph() {
    const started = performance.now();
    const { ok, body } = await api("/api/graph");
    if (!ok) return;
    const layout = body.tasks.map(t => `${t.id}@${t.layer},${t.row}`).join(";");
    if (layout !== drawnLayout) {
      drawGraph(body);
      drawnLayout = layout;
      if (!document.body.dataset.firstRenderMs) document.body.dataset.firstRenderMs = performance.now().toFixed(0);
    }
    updateStates(body);
    document.body.dataset.lastRefreshMs = (performance.now() - started).toFixed(0);
    document.body.dataset.refreshes = Number(document.body.dataset.refreshes ?? 0) + 1;
    if (wasRunning !== null && wasRunning !== body.running) refreshRuns();
    wasRunning = body.running;
  }

  async function refreshLog() {
    const task = selectedTask, since = logNext;
    if (!task) return;
    const { ok, body } = await api(`/api/tasks/${encodeURIComponent(task)}/log?since=${since}`);
    // Drop an answer overtaken by a click on another task or by a read that already moved on.
    if (!ok || task !== selectedTask || since !== logNext) return;
    const key = `${body.runId}/${body.attempt}`;
    const log = $("log");
    if (key !== logKey) {
      log.textContent = ""; logKey = key;
      // A new attempt has a new file: read it from its start, not from the old one's offset.
      if (since !== 0) { logNext = 0; return refreshLog(); }
    }
    $("log-title").textContent = body.runId ? `${task} · run ${body.runId} · attempt ${body.attempt}` : `${task} · no attempt yet`;
    if (body.text) {
      const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
      log.append(body.text);
      if (atBottom) log.scrollTop = log.scrollHeight;
    }
    logNext = body.next;
  }

  let columns = [];

  async function loadPipeline() {
    const { ok, body } = await api("/api/pipeline");
    if (!ok) return;
    columns = body.columns;
    document.title = body.title;
    $("title").textContent = body.title;
    const head = document.querySelector("#runs").closest("table").querySelector("thead tr");
    for (const column of columns) {
      const th = document.createElement("th");
      th.textContent = column;
      head.appendChild(th);
    }
  }

  async function refreshRuns() {
    const { ok, body } = await api("/api/runs");
    if (!ok) return;
    $("runs").innerHTML = body.length === 0 ? `<tr><td colspan="${5 + columns.length}" class="empty">no runs yet</td></tr>` : body.map(r =>
      `<tr data-id="${escape(r.id)}" class="${r.id === selectedRun ? "selected" : ""}"><td>${escape(r.id)}</td><td>${escape(r.trigger)}</td>` +
      `<td>${time(r.started)}</td><td class="num">${seconds(r.durationSeconds)}</td>` +
      `<td><span class="outcome ${escape(r.outcome)}">${escape(r.outcome)}</span></td>` +
      columns.map(c => `<td class="num">${number(r.columns[c])}</td>`).join("") + `</tr>`).join("");
  }

  async function showRun(id) {
    selectedRun = id;
    const { ok, body } = await api(`/api/runs/${encodeURIComponent(id)}`);
    if (!ok) return;
    $("details").hidden = false;
    $("details-title").textContent = `${id} · ${body.run.outcome}`;
    const metrics = Object.entries(body.metrics);
    $("details-body").innerHTML =
      `<p>${escape(body.run.summary ?? "")}</p>` +
      (metrics.length ? `<table class="metrics"><tr>${metrics.map(([k]) => `<th>${escape(k)}</th>`).join("")}</tr>` +
        `<tr>${metrics.map(([, v]) => `<td class="num">${number(v)}</td>`).join("")}</tr></table>` : "") +
      `<table><thead><tr><th>task</th><th>attempt</th><th>status</th><th>exit</th><th>duration</th><th>reason</th></tr></thead><tbody>` +
      body.attempts.map(a => `<tr><td>${escape(a.task)}</td><td>${a.attempt}</td><td>${escape(a.status)}</td>` +
        `<td>${a.exitCode ?? "–"}</td><td class="num">${seconds(a.durationSeconds)}</td><td>${escape(a.reason ?? "")}</td></tr>`).join("") +
      `</tbody></table>` +
      `<div class="plots">${body.plots.map(p => `<figure><img src="${withToken(p.url)}" alt="${escape(p.name)}"><figcaption>${escape(p.name)}</figcaption></figure>`).join("")}</div>`;
    refreshRuns();
  }

  $("graph").addEventListener("click", event => {
    const g = event.target.closest("g.node");
    if (!g) return;
    followRunning = false;
    selectTask(g.dataset.id);
  });
  $("runs").addEventListener("click", event => {
    const row = event.target.closest("tr[data-id]");
    if (row) showRun(row.dataset.id);
  });
  $("run-button").addEventListener("click", async () => {
    $("run-button").disabled = true;
    const { ok, body } = await api("/api/runs", { method: "POST" });
    $("run-status").textContent = ok ? "run starting…" : body.error ?? "could not start a run";
    setTimeout(refreshRuns, 500);
  });

  async function poll(what, every) {
    try { await what(); } finally { setTimeout(() => poll(what, every), every); }
  }
  loadPipeline().then(() => {
    poll(refreshGraph, 1000);
    poll(refreshLog, 1000);
    poll(refreshRuns, 5000);
  });
})();
