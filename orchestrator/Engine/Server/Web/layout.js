"use strict";
// Lays the graph out with dagre (layered, Sugiyama-style): boxes in ranks, edges routed around
// boxes as point lists. A classic script, so the page and layout-worker.js share it.
// input: { rankdir: "LR" | "TB", ranker, nodes: [{ id, width, height }], edges: [[from, to], ...] }
// output: { width, height, nodes: Map of id to { x, y } (top-left corners), edges: [{ from, to, points }] }
globalThis.layOutGraph = input => {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: input.rankdir, ranker: input.ranker, nodesep: 14, ranksep: input.rankdir === "LR" ? 46 : 28, edgesep: 8, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of input.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const [from, to] of input.edges) g.setEdge(from, to);
  dagre.layout(g);
  const nodes = new Map();
  for (const id of g.nodes()) {
    const n = g.node(id);
    nodes.set(id, { x: n.x - n.width / 2, y: n.y - n.height / 2 });
  }
  const edges = g.edges().map(e => ({ from: e.v, to: e.w, points: g.edge(e).points.map(p => [p.x, p.y]) }));
  const graph = g.graph();
  return { width: graph.width, height: graph.height, nodes, edges };
};
