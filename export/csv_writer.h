// CSV writer: the graph as tables, for spreadsheets, Gephi's spreadsheet
// import, pandas and Neo4j's bulk importer.
//
// write_csv_folder(graph, "out/csv/") writes four files into the folder:
//   nodes.csv        Id,Label,type,aliases,mentions,first_seen,last_seen
//   edges.csv        Source,Target,Type,Id,Label,Weight,relation,mentions,docs,
//                    evidence,rule,first_seen,last_seen
//                    (Gephi's column names; Type is Directed, or Undirected
//                    for a symmetric relation; Label is the relation)
//   nodes.neo4j.csv  id:ID,label,:LABEL,aliases:string[],mentions:long,first_seen:date,last_seen:date
//   edges.neo4j.csv  :START_ID,:END_ID,:TYPE,weight:double,mentions:long,docs:string[],
//                    evidence,rule,first_seen:date,last_seen:date,symmetric:boolean
//                    (for neo4j-admin database import full --nodes=... --relationships=...;
//                    :LABEL is the entity type, :TYPE the relation)
// UTF-8 without a byte order mark, comma-separated, RFC 4180 quoting
// (value_format.h: line breaks inside a value become spaces). In the Gephi
// files lists are JSON arrays; in the Neo4j files they are ';'-separated
// arrays, as Neo4j expects, with any ';' inside an item turned into ','.
// An unknown value is an empty field. Each file is written atomically.
#pragma once

#include <iosfwd>
#include <string>

#include "graph/knowledge_graph.h"

namespace relgraph {

void write_csv_folder(const KnowledgeGraph& graph, const std::string& folder);

// The four tables one by one, for callers that want them elsewhere.
void write_gephi_nodes_csv(const KnowledgeGraph& graph, std::ostream& out);
void write_gephi_edges_csv(const KnowledgeGraph& graph, std::ostream& out);
void write_neo4j_nodes_csv(const KnowledgeGraph& graph, std::ostream& out);
void write_neo4j_edges_csv(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace relgraph
