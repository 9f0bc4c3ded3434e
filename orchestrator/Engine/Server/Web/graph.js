// The task graph: laid out once per shape of the graph, then only recoloured as states change,
// so it stays fast with thousands of tasks. A sweep's variants (tasks with a `group`) share one
// box listing them, so a wide fan-out stays one column of the drawing.
import { escape, seconds } from "./api.js";

const TASK_W = 172, TASK_H = 40, GROUP_W = 220, GROUP_HEAD = 28, ROW_H = 19, GROUP_ROWS = 6, GAP = 46, SEP = 14, MARGIN = 12;
// Up to this many boxes dagre lays out before the first draw; a larger graph is drawn at once on the
// server's layers and redrawn when dagre, in a worker, has routed it.
const SYNC_LIMIT = 60;
const MIN_SCALE = 0.75;
// A group's box takes the colour of its most urgent variant.
const URGENCY = ["Failed", "Running", "Aborted", "NotRun", "Pending", "Succeeded", "Complete"];

// dagre (50 KB) lays a small graph out on this thread, loaded when one needs it (the page preloads it:
// most graphs are small); a large graph is drawn first and laid out by layout-worker.js, which loads its own.
let layoutLibrary = null;
const loadLayoutLibrary = () => layoutLibrary ??= Promise.all(["/dagre.min.js", "/layout.js"].map(src => new Promise((loaded, failed) => {
  const script = Object.assign(document.createElement("script"), { src, async: false, onload: loaded, onerror: failed });
  document.head.append(script);
})));

const SVG = "http://www.w3.org/2000/svg";
// Rectangles as { x, y, w, h }.
const within = (a, b) => a.x >= b.x && a.x + a.w <= b.x + b.w && a.y >= b.y && a.y + a.h <= b.y + b.h;
const overlaps = (a, b) => a.x + a.w >= b.x && a.x <= b.x + b.w && a.y + a.h >= b.y && a.y <= b.y + b.h;
const bounds = points => {
  let [left, top] = points[0], right = left, bottom = top;
  for (const [x, y] of points) {
    left = Math.min(left, x); right = Math.max(right, x);
    top = Math.min(top, y); bottom = Math.max(bottom, y);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
};
const short = (text, max) => text.length > max ? `${text.slice(0, max - 1)}…` : text;
const meta = t => t.seconds == null ? t.state : `${t.state} · ${seconds(t.seconds)}`;

export class GraphView {
  constructor(container, onSelect) {
    this.container = container;
    this.drawn = null;
    this.key = "";
    this.model = null;
    this.worker = null;
    this.selected = null;
    this.onRedraw = () => {};
    container.addEventListener("click", event => {
      const task = event.target.closest("[data-id]");
      const group = event.target.closest("[data-group]");
      if (task) onSelect({ task: task.dataset.id });
      else if (group) onSelect({ group: group.dataset.group });
    });
    // A task's tooltip is written when the pointer reaches it, from the latest states: thousands of
    // <title>s drawn up front would slow the first draw and every refresh.
    container.addEventListener("pointerover", event => {
      const g = event.target.closest("[data-id]");
      const t = g && this.latest.tasks[this.model.index.get(g.dataset.id)];
      if (!t) return;
      if (g.firstChild.nodeName !== "title") g.prepend(document.createElementNS(SVG, "title"));
      g.firstChild.textContent = title(t);
    });
    // Where the panel is scrolled to, read once a frame while it scrolls: drawing never reads it.
    this.scrollX = this.scrollY = 0;
    let scrolled = 0;
    container.addEventListener("scroll", () => {
      scrolled ||= requestAnimationFrame(() => {
        scrolled = 0;
        this.scrollX = container.scrollLeft;
        this.scrollY = container.scrollTop;
        if (this.area) this.drawArea();
      });
    }, { passive: true });
    // The panel's width as the browser last laid it out, so drawing never forces a layout of the page.
    this.width = 0;
    new ResizeObserver(() => {
      if (container.clientWidth === this.width) return;
      this.width = container.clientWidth;
      this.fit();
    }).observe(container);
    let resizing;
    addEventListener("resize", () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => this.model && this.model.nodes.length <= SYNC_LIMIT && this.layOut(), 150);
    });
  }

  /** Shows the graph's states, first laying it out when its shape changed; answers true when it drew anew. */
  async show(graph) {
    const key = graph.tasks.map(t => `${t.id}|${t.group ?? ""}|${t.dependsOn.join(",")}`).join(";");
    const redrawn = key !== this.key;
    this.latest = graph;
    if (redrawn) {
      this.key = key;
      this.model = buildModel(graph);
      await this.layOut();
    } else {
      this.update(graph);
    }
    return redrawn;
  }

  /** Marks the task selected; one a person picked is scrolled into view (one followed while it runs is not: that would pull the view from under them). */
  select(id, byUser) {
    this.index().tasks.get(this.selected)?.g.classList.remove("selected");
    this.selected = id;
    this.index().tasks.get(id)?.g.classList.add("selected");
    if (byUser) this.reveal(id);
  }

  // Scrolls a large graph to a task out of view: the scroll then draws its box, selected.
  reveal(id) {
    const node = this.area && this.model.boxes.get(this.model.boxOf.get(id));
    if (!node) return;
    const { x, y } = this.layout.nodes.get(node.id), { scale, container } = this, height = container.clientHeight;
    const view = { x: this.scrollX / scale, y: this.scrollY / scale, w: this.width / scale, h: height / scale };
    if (within({ x, y, w: node.width, h: node.height }, view)) return;
    container.scrollTo({ left: (x + node.width / 2) * scale - this.width / 2, top: (y + node.height / 2) * scale - height / 2 });
  }

  async layOut() {
    const model = this.model;
    // A large graph scrolls inside its panel; a small one takes the height it needs.
    this.container.classList.toggle("large", model.nodes.length > SYNC_LIMIT);
    if (model.nodes.length <= SYNC_LIMIT) {
      await loadLayoutLibrary();
      if (this.model === model) this.draw(this.bestFit(model));
      return;
    }
    this.draw(gridLayout(model));
    this.worker?.terminate();
    // Started once the first drawing is on its way to the screen, not competing with it.
    setTimeout(() => {
      if (this.model !== model) return;
      const started = performance.now();
      this.worker = new Worker("/layout-worker.js");
      this.worker.onmessage = event => {
        this.worker.terminate();
        this.worker = null;
        if (this.model !== model) return;
        this.draw(event.data);
        document.body.dataset.layoutMs = (performance.now() - started).toFixed(0);
      };
      this.worker.postMessage(layoutInput(model, "LR", "longest-path"));
    }, 0);
  }

  // Left to right reads best; top to bottom when the panel is too narrow for that at a readable size.
  bestFit(model) {
    const width = this.width || this.container.clientWidth || 1000;
    const across = layOutGraph(layoutInput(model, "LR", "network-simplex"));
    if (across.width * MIN_SCALE <= width) return across;
    const down = layOutGraph(layoutInput(model, "TB", "network-simplex"));
    return down.width < across.width ? down : across;
  }

  draw(layout) {
    this.container.innerHTML =
      `<svg class="graph-svg" viewBox="0 0 ${layout.width} ${layout.height}" xmlns="${SVG}">` +
      `<path class="edges"></path><path class="arrows"></path><g class="boxes"></g></svg>`;
    this.layout = layout;
    this.area = null;
    this.fit();
    this.drawArea();
    this.onRedraw();
  }

  // A large graph has only the boxes and edges in view and half a view around it drawn, and draws
  // more as the panel scrolls: the DOM stays the size of the view however large the graph, and so
  // do the browser's style, layout and paint. The view's size is the browser's, an upper bound of
  // the panel's that needs no layout to read. Boxes are drawn with the latest states, so the next
  // update has nothing to change.
  drawArea() {
    const started = performance.now();
    const { model, layout, scale } = this;
    let area = null;
    if (model.nodes.length > SYNC_LIMIT) {
      const view = { x: this.scrollX / scale, y: this.scrollY / scale, w: innerWidth / scale, h: innerHeight / scale };
      if (this.area && within(view, this.area)) return;
      area = { x: view.x - view.w / 2, y: view.y - view.h / 2, w: view.w * 2, h: view.h * 2 };
    }
    let edges = "", arrows = "";
    for (const edge of layout.edges) {
      if (area && !overlaps(bounds(edge.points), area)) continue;
      edges += edgePath(edge.points);
      arrows += arrowHead(edge.points);
    }
    const tasks = this.latest.tasks, taskOf = id => tasks[model.index.get(id)];
    let boxes = "";
    for (const node of model.nodes) {
      const { x, y } = layout.nodes.get(node.id);
      if (area && !overlaps({ x, y, w: node.width, h: node.height }, area)) continue;
      boxes += node.group ? groupMarkup(node, x, y, taskOf) : taskMarkup(taskOf(node.tasks[0]), x, y);
    }
    const [edgesPath, arrowsPath, boxesGroup] = this.container.firstChild.children;
    edgesPath.setAttribute("d", edges);
    arrowsPath.setAttribute("d", arrows);
    boxesGroup.innerHTML = boxes;
    if (area) document.body.dataset.drawAreaMs = (performance.now() - started).toFixed(1);
    this.area = area;
    this.drawn = null;
    if (this.selected) this.index().tasks.get(this.selected)?.g.classList.add("selected");
    this.updateGroups(this.latest);
  }

  // Shrunk to the panel's width down to MIN_SCALE, never enlarged; until the page is first laid out, at full size.
  fit() {
    const svg = this.container.querySelector(":scope > svg");
    if (!svg) return;
    const { width, height } = this.layout;
    this.scale = Math.max(MIN_SCALE, Math.min(1, (this.width || width) / width));
    svg.setAttribute("width", Math.ceil(width * this.scale));
    svg.setAttribute("height", Math.ceil(height * this.scale));
    if (this.area) {
      this.area = null;
      this.drawArea();
    }
  }

  // The drawn boxes, found when first needed (a click, the next refresh), not while drawing. The
  // state's class and the duration (last child) are all an update touches.
  index() {
    this.drawn ??= {
      tasks: new Map([...this.container.querySelectorAll("[data-id]")].map(g =>
        [g.dataset.id, { g, meta: g.lastChild, prefix: g.classList.contains("variant") ? "node variant " : "node " }])),
      groups: new Map([...this.container.querySelectorAll("g.group")].map(g => [g.dataset.group, g])),
    };
    return this.drawn;
  }

  update(graph) {
    const { tasks } = this.index();
    for (const t of graph.tasks) {
      const shown = tasks.get(t.id);
      if (!shown) continue;
      const wanted = `${shown.prefix}${t.state}${t.id === this.selected ? " selected" : ""}`;
      if (shown.g.getAttribute("class") !== wanted) shown.g.setAttribute("class", wanted);
      const text = shown.prefix === "node " ? meta(t) : variantMeta(t);
      if (shown.meta.textContent !== text) shown.meta.textContent = text;
    }
    this.updateGroups(graph);
  }

  updateGroups(graph) {
    for (const node of this.model.nodes.filter(n => n.group)) {
      const states = node.tasks.map(id => graph.tasks[this.model.index.get(id)].state);
      const g = this.index().groups.get(node.group);
      if (!g) continue;
      const wanted = `group ${URGENCY.find(s => states.includes(s)) ?? "Complete"}`;
      if (g.getAttribute("class") !== wanted) g.setAttribute("class", wanted);
      const more = g.querySelector(".more");
      if (!more) continue;
      const hidden = states.slice(GROUP_ROWS);
      more.textContent = `+${hidden.length} more: ${summary(hidden)}`;
      more.setAttribute("class", `more ${URGENCY.find(s => hidden.includes(s))}`);
    }
  }
}

/**
 * Layout boxes: each ungrouped task, and one box per group; edges between boxes, once each; where
 * each task is in the graph's list (index) and which box shows it (boxOf, boxes).
 */
function buildModel(graph) {
  const tasks = graph.tasks, index = new Map(), boxOf = new Map(), nodes = [], groups = new Map();
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    index.set(t.id, i);
    if (!t.group) {
      nodes.push({ id: t.id, tasks: [t.id], layer: t.layer, width: TASK_W, height: TASK_H });
      boxOf.set(t.id, t.id);
      continue;
    }
    let node = groups.get(t.group);
    if (!node) {
      node = { id: `group:${t.group}`, group: t.group, tasks: [], layer: t.layer, names: [], width: GROUP_W };
      groups.set(t.group, node);
      nodes.push(node);
    }
    node.tasks.push(t.id);
    node.names.push(t.id.startsWith(t.group) ? t.id.slice(t.group.length) : t.id);
    node.layer = Math.max(node.layer, t.layer);
    boxOf.set(t.id, node.id);
  }
  for (const node of groups.values()) node.height = GROUP_HEAD + Math.min(node.tasks.length, GROUP_ROWS + 1) * ROW_H + 6;
  // Only edges into or out of a group can repeat: those are kept once by a key.
  const seen = new Set(), edges = [];
  for (const t of tasks) {
    const to = boxOf.get(t.id), deps = t.dependsOn;
    for (let i = 0; i < deps.length; i++) {
      const from = boxOf.get(deps[i]);
      if (!from || from === to) continue;
      if (from === deps[i] && to === t.id) {
        if (deps.indexOf(from) === i) edges.push([from, to]);
        continue;
      }
      const key = `${from}\n${to}`;
      if (!seen.has(key)) { seen.add(key); edges.push([from, to]); }
    }
  }
  return { nodes, edges, index, boxOf, boxes: new Map(nodes.map(node => [node.id, node])) };
}

function layoutInput(model, rankdir, ranker) {
  return { rankdir, ranker, nodes: model.nodes.map(n => ({ id: n.id, width: n.width, height: n.height })), edges: model.edges };
}

/** The server's layers as columns, boxes stacked in order, edges straight: drawn at once for a large graph. */
function gridLayout(model) {
  const nodes = new Map(), columnHeight = [];
  for (const node of model.nodes) {
    const y = columnHeight[node.layer] ?? MARGIN;
    nodes.set(node.id, { x: MARGIN + node.layer * (GROUP_W + GAP), y, width: node.width, height: node.height });
    columnHeight[node.layer] = y + node.height + SEP;
  }
  const edges = model.edges.map(([from, to]) => {
    const a = nodes.get(from), b = nodes.get(to);
    return { from, to, points: [[a.x + a.width, a.y + a.height / 2], [b.x, b.y + b.height / 2]] };
  });
  const width = MARGIN * 2 + (columnHeight.length - 1) * (GROUP_W + GAP) + GROUP_W;
  const height = Math.max(...columnHeight.map(h => h ?? 0)) + MARGIN;
  return { width, height, nodes, edges };
}

// Coordinates to a tenth of a pixel: rounding is much faster than toFixed over thousands of edges.
const at = (x, y) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;

function edgePath(points) {
  let d = `M${at(...points[0])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [x, y] = points[i], [nx, ny] = points[i + 1];
    d += `Q${at(x, y)} ${at((x + nx) / 2, (y + ny) / 2)}`;
  }
  return `${d}L${at(...points[points.length - 1])}`;
}

function arrowHead(points) {
  const [tx, ty] = points[points.length - 1], [px, py] = points[points.length - 2];
  const length = Math.hypot(tx - px, ty - py) || 1, ux = (tx - px) / length, uy = (ty - py) / length;
  const bx = tx - ux * 8, by = ty - uy * 8, nx = -uy * 4, ny = ux * 4;
  return `M${at(tx, ty)}L${at(bx + nx, by + ny)}L${at(bx - nx, by - ny)}Z`;
}

const title = t => `${t.id}: ${t.state}, ${t.reason}`;
const variantMeta = t => t.seconds == null ? "" : seconds(t.seconds);

function taskMarkup(t, x, y) {
  return `<g class="node ${t.state}" data-id="${escape(t.id)}" transform="translate(${x},${y})">` +
    `<rect width="${TASK_W}" height="${TASK_H}" rx="6"></rect><text class="name" x="10" y="16">${escape(short(t.id, 22))}</text>` +
    `<text class="meta" x="10" y="32">${escape(meta(t))}</text></g>`;
}

function groupMarkup(node, x, y, taskOf) {
  const rows = node.tasks.slice(0, GROUP_ROWS).map((id, i) => {
    const t = taskOf(id);
    return `<g class="node variant ${t.state}" data-id="${escape(id)}" transform="translate(6,${GROUP_HEAD + i * ROW_H})">` +
      `<rect width="${GROUP_W - 12}" height="${ROW_H - 3}" rx="3"></rect><text class="name" x="7" y="12">${escape(short(node.names[i], 22))}</text>` +
      `<text class="meta" x="${GROUP_W - 18}" y="12">${escape(variantMeta(t))}</text></g>`;
  }).join("");
  const more = node.tasks.length > GROUP_ROWS
    ? `<text class="more" x="10" y="${GROUP_HEAD + GROUP_ROWS * ROW_H + 12}"></text>` : "";
  return `<g class="group Pending" data-group="${escape(node.group)}" transform="translate(${x},${y})"><title>${escape(node.group)}: ${node.tasks.length} variants</title>` +
    `<rect class="group-box" width="${GROUP_W}" height="${node.height}" rx="8"></rect>` +
    `<text class="name" x="10" y="18">${escape(short(node.group, 18))} · ${node.tasks.length} variants</text>${rows}${more}</g>`;
}

/** "3 Failed, 2 Running". */
export function summary(states) {
  const counts = new Map();
  for (const s of states) counts.set(s, (counts.get(s) ?? 0) + 1);
  return URGENCY.filter(s => counts.has(s)).map(s => `${counts.get(s)} ${s}`).join(", ");
}
