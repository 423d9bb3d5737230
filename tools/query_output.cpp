#include "tools/query_output.h"

#include <ostream>

#include "tools/text_table.h"

namespace relgraph {

void write_json_string(JsonOut& json, std::string_view text) {
  json.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void write_json_entity(JsonOut& json, const QueryGraph& graph, std::uint32_t node) {
  json.StartObject();
  json.Key("name");
  write_json_string(json, graph.node(node).label);
  json.Key("type");
  write_json_string(json, name(graph.node(node).type));
  json.EndObject();
}

namespace {

void write_json_date(JsonOut& json, const std::string& date) {
  if (date.empty()) {
    json.Null();
  } else {
    write_json_string(json, date);
  }
}

}  // namespace

void write_json_fact(JsonOut& json, const QueryGraph& graph, std::uint32_t index) {
  const QueryFact& fact = graph.fact(index);
  json.StartObject();
  json.Key("subject");
  write_json_entity(json, graph, fact.subject);
  json.Key("relation");
  write_json_string(json, name(fact.relation));
  json.Key("object");
  write_json_entity(json, graph, fact.object);
  json.Key("weight");
  json.Uint(fact.weight);
  json.Key("docs");
  json.StartArray();
  for (const std::string& doc : graph.docs(fact)) write_json_string(json, doc);
  json.EndArray();
  json.Key("evidence");
  write_json_string(json, graph.text(fact.evidence));
  json.Key("first_seen");
  write_json_date(json, graph.text(fact.first_seen));
  json.Key("last_seen");
  write_json_date(json, graph.text(fact.last_seen));
  json.EndObject();
}

void write_json_facts(JsonOut& json, const QueryGraph& graph, const std::vector<std::uint32_t>& facts) {
  json.StartArray();
  for (const std::uint32_t f : facts) write_json_fact(json, graph, f);
  json.EndArray();
}

std::string date_range(const QueryGraph& graph, const QueryFact& fact) {
  const std::string first = graph.text(fact.first_seen), last = graph.text(fact.last_seen);
  if (first.empty() || first == last) return first.empty() ? last : first;
  return first + ".." + last;
}

void print_facts_table(std::ostream& out, const QueryGraph& graph, const std::vector<std::uint32_t>& facts,
                       std::size_t width) {
  TextTable table({"subject", "relation", "object", ">docs", "dates", "evidence"});
  for (const std::uint32_t index : facts) {
    const QueryFact& fact = graph.fact(index);
    table.add({graph.node(fact.subject).label, std::string(name(fact.relation)), graph.node(fact.object).label,
               std::to_string(fact.weight), date_range(graph, fact), graph.text(fact.evidence)});
  }
  table.print(out, width);
}

}  // namespace relgraph
