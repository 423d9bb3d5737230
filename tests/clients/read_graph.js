#!/usr/bin/env node
// Open a relgraph output with a real JavaScript graph library and report what it saw.
//
// usage: node read_graph.js READER FILE
//   READER  graphology-graphml | graphology-gexf | cytoscape | d3-force
//           (graphology-* are the parsers Gephi Lite uses; cytoscape reads .cyjs;
//           d3-force links a node-link .json the way D3 diagrams do)
//
// Prints one JSON object: node and edge counts, the sorted node labels, the
// sorted [source label, relation, target label] triples, the JavaScript type
// each attribute was read as, and reader-specific details. Exits 3 when the
// library is not installed (`npm ci` in this folder), so the caller can skip.
'use strict';

const fs = require('fs');

function load(module) {
  try {
    return require(module);
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    process.stderr.write(`npm package ${module} is not installed (npm ci --prefix tests/clients)\n`);
    process.exit(3);
  }
}

function attributeTypes(records) {
  const types = {};
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) {
      if (!(key in types)) types[key] = Array.isArray(value) ? 'array' : typeof value;
    }
  }
  return types;
}

function report(labels, triples, nodeAttributes, edgeAttributes, details = {}) {
  const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const sortedTriples = triples.slice().sort((a, b) => byText(JSON.stringify(a), JSON.stringify(b)));
  process.stdout.write(JSON.stringify({
    nodes: labels.length,
    edges: triples.length,
    labels: labels.slice().sort(byText),
    triples: sortedTriples,
    node_attribute_types: attributeTypes(nodeAttributes),
    edge_attribute_types: attributeTypes(edgeAttributes),
    details,
  }));
}

function fromGraphology(graph, details) {
  const labels = graph.mapNodes((node, attributes) => attributes.label);
  const triples = graph.mapEdges((edge, attributes, source, target, sourceAttributes, targetAttributes) =>
    [sourceAttributes.label, attributes.relation, targetAttributes.label]);
  report(labels, triples, graph.mapNodes((n, a) => a), graph.mapEdges((e, a) => a), details);
}

// The plain Graph class, as Gephi Lite passes it; the parsers upgrade it to a
// multigraph when two entities share several relations.
const readers = {
  'graphology-graphml': (text) => {
    const Graph = load('graphology');
    const graphml = load('graphology-graphml');
    fromGraphology(graphml.parse(Graph, text), {});
  },
  'graphology-gexf': (text) => {
    const Graph = load('graphology');
    const gexf = load('graphology-gexf');
    const graph = gexf.parse(Graph, text);
    const style = {};
    graph.forEachNode((node, a) => {
      style[a.label] = {color: a.color, size: a.size, shape: a.shape};
    });
    const kinds = graph.mapEdges((edge, a) => a.kind);
    const undirected = graph.filterEdges((edge) => graph.isUndirected(edge)).map((edge) => graph.getEdgeAttribute(edge, 'relation'));
    fromGraphology(graph, {style, kinds, undirected});
  },
  'cytoscape': (text) => {
    const cytoscape = load('cytoscape');
    const cy = cytoscape({headless: true, styleEnabled: false, elements: JSON.parse(text).elements});
    const labels = cy.nodes().map((n) => n.data('label'));
    const triples = cy.edges().map((e) => [e.source().data('label'), e.data('relation'), e.target().data('label')]);
    report(labels, triples, cy.nodes().map((n) => n.data()), cy.edges().map((e) => e.data()));
  },
  'd3-force': async (text) => {
    let d3;
    try {
      d3 = await import('d3-force');
    } catch (e) {
      process.stderr.write('npm package d3-force is not installed (npm ci --prefix tests/clients)\n');
      process.exit(3);
    }
    const data = JSON.parse(text);
    const nodes = data.nodes.map((n) => ({...n}));
    const links = data.links.map((l) => ({...l}));
    // forceLink resolves each link's source and target ids to node objects and throws on an unknown id.
    const simulation = d3.forceSimulation(nodes).force('link', d3.forceLink(links).id((d) => d.id)).stop();
    simulation.tick(5);
    const finite = nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y));
    const triples = links.map((l) => [l.source.label, l.relation, l.target.label]);
    report(nodes.map((n) => n.label), triples, data.nodes, data.links, {positions_finite: finite});
  },
};

async function main() {
  const [reader, file] = process.argv.slice(2);
  if (!readers[reader] || !file) {
    process.stderr.write('usage: node read_graph.js graphology-graphml|graphology-gexf|cytoscape|d3-force FILE\n');
    process.exit(2);
  }
  await readers[reader](fs.readFileSync(file, 'utf8'));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
