// The relationship graph's layout: dagre (a Sugiyama-style layered layout)
// places the tables and routes the edges; the page draws them as SVG.
// In and out as JSON text, so the Rust side needs no bindings beyond a string.
import dagre from "@dagrejs/dagre";

// spec: {nodes: [{id, width, height}], edges: [{from, to}]}
// -> {width, height, nodes: [{id, x, y}], edges: [{points: [[x, y], ...]}]}
export function layoutGraph(specJson) {
  const spec = JSON.parse(specJson);
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 28, ranksep: 70, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of spec.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  spec.edges.forEach((e, i) => g.setEdge(e.from, e.to, {}, String(i)));
  dagre.layout(g);
  const graph = g.graph();
  return JSON.stringify({
    width: graph.width || 0,
    height: graph.height || 0,
    nodes: spec.nodes.map((n) => {
      const v = g.node(n.id);
      return { id: n.id, x: v.x - n.width / 2, y: v.y - n.height / 2 };
    }),
    edges: spec.edges.map((e, i) => ({ points: g.edge({ v: e.from, w: e.to, name: String(i) }).points.map((p) => [p.x, p.y]) })),
  });
}
