#!/usr/bin/env python3
"""Open a relgraph output with a real Python graph library and report what it saw.

usage: read_graph.py READER FILE
  READER  networkx-graphml | igraph-graphml | networkx-node-link | csv-gephi | csv-neo4j
          (for csv-*, FILE is the folder relgraph wrote)
       read_graph.py networkx-rewrite FILE OUT
          reads the GraphML with NetworkX and writes it again to OUT, as a
          user's script would, then reports like networkx-graphml

Prints one JSON object: node and edge counts, the sorted node labels, the
sorted (source label, relation, target label) triples, and the Python type
each attribute was read as. Exits 3 with a message when the library is
missing, so the caller can skip; any other failure is a real error.
"""
import csv
import json
import os
import sys


def missing(module):
    print(f"python module {module} is not installed", file=sys.stderr)
    sys.exit(3)


def report(labels, triples, node_types, edge_types):
    json.dump(
        {
            "nodes": len(labels),
            "edges": len(triples),
            "labels": sorted(labels),
            "triples": sorted(triples),
            "node_attribute_types": node_types,
            "edge_attribute_types": edge_types,
        },
        sys.stdout,
        ensure_ascii=False,
    )


def attribute_types(items):
    types = {}
    for attrs in items:
        for key, value in attrs.items():
            types.setdefault(key, type(value).__name__)
    return types


def from_networkx(g):
    label = {n: d["label"] for n, d in g.nodes(data=True)}
    triples = [[label[s], d["relation"], label[t]] for s, t, d in g.edges(data=True)]
    return report(list(label.values()), triples, attribute_types(d for _, d in g.nodes(data=True)),
                  attribute_types(d for _, _, d in g.edges(data=True)))


def networkx_graphml(path):
    try:
        import networkx as nx
    except ImportError:
        missing("networkx")
    from_networkx(nx.read_graphml(path))


def networkx_node_link(path):
    try:
        import networkx as nx
    except ImportError:
        missing("networkx")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    # NetworkX 3.4 renamed the "links" argument; name it where it is understood.
    try:
        g = nx.node_link_graph(data, edges="links")
    except TypeError:
        g = nx.node_link_graph(data)
    from_networkx(g)


def igraph_graphml(path):
    try:
        import igraph
    except ImportError:
        missing("igraph")
    g = igraph.Graph.Read_GraphML(path)
    labels = g.vs["label"]
    triples = [[labels[e.source], e["relation"], labels[e.target]] for e in g.es]
    report(labels, triples, attribute_types(v.attributes() for v in g.vs), attribute_types(e.attributes() for e in g.es))


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, strict=True))


def csv_tables(folder, nodes_file, edges_file, id_column, label_column, source, target, relation):
    nodes = read_csv(os.path.join(folder, nodes_file))
    edges = read_csv(os.path.join(folder, edges_file))
    label = {row[id_column]: row[label_column] for row in nodes}
    triples = [[label[row[source]], row[relation], label[row[target]]] for row in edges]
    report(list(label.values()), triples, {"columns": list(nodes[0].keys())} if nodes else {},
           {"columns": list(edges[0].keys())} if edges else {})


def networkx_rewrite(path, out):
    try:
        import networkx as nx
    except ImportError:
        missing("networkx")
    nx.write_graphml(nx.read_graphml(path), out)
    networkx_graphml(out)


READERS = {
    "networkx-graphml": networkx_graphml,
    "igraph-graphml": igraph_graphml,
    "networkx-node-link": networkx_node_link,
    "csv-gephi": lambda p: csv_tables(p, "nodes.csv", "edges.csv", "Id", "Label", "Source", "Target", "Label"),
    "csv-neo4j": lambda p: csv_tables(p, "nodes.neo4j.csv", "edges.neo4j.csv", "id:ID", "label", ":START_ID",
                                      ":END_ID", ":TYPE"),
}

if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "networkx-rewrite":
        networkx_rewrite(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] in READERS:
        READERS[sys.argv[1]](sys.argv[2])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
