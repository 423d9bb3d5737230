// How `relgraph query` and `relgraph stats` print answers: a table for
// people (text_table.h) or one JSON document for scripts (--json).
//
// A fact in JSON:
//   {"subject": {"name", "type"}, "relation", "object": {"name", "type"},
//    "weight", "docs": [...], "evidence", "first_seen", "last_seen"}
// with null for a date the articles did not give.
#pragma once

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "graph/graph_query.h"
#include "graph/query_graph.h"

namespace relgraph {

using JsonOut = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void write_json_string(JsonOut& json, std::string_view text);
void write_json_entity(JsonOut& json, const QueryGraph& graph, std::uint32_t node);  // {"name", "type"}
void write_json_fact(JsonOut& json, const QueryGraph& graph, std::uint32_t fact);
void write_json_facts(JsonOut& json, const QueryGraph& graph, const std::vector<std::uint32_t>& facts);

// "2024-05-10", "2024-05-10..2024-07-08", or "" when undated.
std::string date_range(const QueryGraph& graph, const QueryFact& fact);

// Facts as a table: subject, relation, object, docs, dates, evidence.
void print_facts_table(std::ostream& out, const QueryGraph& graph, const std::vector<std::uint32_t>& facts,
                       std::size_t width);

}  // namespace relgraph
