#include <algorithm>
#include <cstdio>
#include <ostream>
#include <set>

#include "extract/error.h"
#include "graph/graph_query.h"
#include "graph/name_suggestions.h"
#include "graph/query_graph.h"
#include "tools/commands.h"
#include "tools/query_output.h"
#include "tools/text_table.h"

namespace relgraph {

namespace {

// The node a name on the command line means; an unknown name is an input
// error (exit 1) listing the closest names.
std::uint32_t node_named(const QueryGraph& graph, const std::string& name) {
  if (const auto node = graph.find(name)) return *node;
  std::string message = "no entity named " + name;
  const std::vector<CloseName> close = close_names(name, graph.names());
  if (!close.empty()) {
    message += "\n  close names:";
    for (std::size_t i = 0; i < close.size(); ++i) {
      const std::string& label = graph.node(close[i].node).label;
      message += (i ? ", " : " ") + close[i].name + (close[i].name == label ? "" : " (" + label + ")");
    }
  }
  throw Error(Error::Kind::kInput, "", message);
}

int whole_number(const std::string& text, const char* flag, int fallback) {
  if (text.empty()) return fallback;
  std::size_t used = 0;
  int value = -1;
  try {
    value = std::stoi(text, &used);
  } catch (const std::exception&) {
  }
  if (used != text.size() || value < 0) throw Error(Error::Kind::kUsage, flag, "needs a whole number >= 0, not \"" + text + "\"");
  return value;
}

std::string date_option(const std::string& text, const char* flag) {
  const bool ok = text.empty() || (text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                                   std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; }));
  if (!ok) throw Error(Error::Kind::kUsage, flag, "needs a date YYYY-MM-DD, not \"" + text + "\"");
  return text;
}

std::optional<EntityType> type_option(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const auto type = parse_entity_type(text);
  if (!type) throw Error(Error::Kind::kUsage, "--type", "must be ORG, PERSON or PRODUCT, not \"" + text + "\"");
  return type;
}

// Options a question does not use are refused, so that a typo does not pass silently.
void allow_only(const Options& options, const std::string& question, const std::set<std::string>& allowed) {
  const std::pair<const char*, bool> given[] = {
      {"--relation", !options.relations.empty()}, {"--direction", !options.direction.empty()},
      {"--subject", !options.subject.empty()},    {"--object", !options.object.empty()},
      {"--type", !options.type.empty()},          {"--since", !options.since.empty()},
      {"--until", !options.until.empty()},        {"--max-depth", !options.max_depth.empty()},
      {"--by", !options.by.empty()},              {"--limit", !options.limit.empty()},
  };
  for (const auto& [flag, set] : given) {
    if (set && !allowed.count(flag)) throw Error(Error::Kind::kUsage, flag, "is not an option of query " + question);
  }
}

void need_arguments(const Options& options, std::size_t count, const char* usage) {
  if (options.inputs.size() != count + 2) throw Error(Error::Kind::kUsage, "", std::string("usage: ") + usage);
}

// Where an answer goes: the table is printed as it is made; JSON is
// collected and printed whole by finish().
class Answer {
 public:
  Answer(const Options& options, std::ostream& out) : json_(options.json), out_(out), writer_(buffer_) {
    writer_.SetIndent(' ', 2);
  }

  bool json() const { return json_; }
  JsonOut& writer() { return writer_; }
  void finish() {
    if (json_) out_ << buffer_.GetString() << '\n';
  }

 private:
  bool json_;
  std::ostream& out_;
  rapidjson::StringBuffer buffer_;
  JsonOut writer_;
};

int neighbors_question(const QueryGraph& graph, const Options& options, std::ostream& out) {
  allow_only(options, "neighbors", {"--relation", "--direction"});
  need_arguments(options, 1, "relgraph query GRAPH neighbors NAME [--relation REL] [--direction out|in|both]");
  Direction direction = Direction::kBoth;
  if (options.direction == "out") {
    direction = Direction::kOut;
  } else if (options.direction == "in") {
    direction = Direction::kIn;
  } else if (!options.direction.empty() && options.direction != "both") {
    throw Error(Error::Kind::kUsage, "--direction", "must be out, in or both, not \"" + options.direction + "\"");
  }
  const std::uint32_t node = node_named(graph, options.inputs[2]);
  const std::vector<std::uint32_t> facts = neighbors(graph, node, relations_of(options), direction);
  Answer answer(options, out);
  if (answer.json()) {
    write_json_facts(answer.writer(), graph, facts);
    answer.finish();
    return 0;
  }
  const QueryNode& n = graph.node(node);
  out << n.label << " (" << name(n.type) << "): " << facts.size() << (facts.size() == 1 ? " fact\n" : " facts\n");
  if (facts.empty()) return 0;
  TextTable table({"relation", "", "entity", "type", ">docs", "dates", "evidence"});
  for (const std::uint32_t index : facts) {
    const QueryFact& fact = graph.fact(index);
    const bool subject = fact.subject == node;
    const std::uint32_t other = subject ? fact.object : fact.subject;
    table.add({std::string(name(fact.relation)), is_symmetric(fact.relation) ? "↔" : subject ? "→" : "←",
               graph.node(other).label, std::string(name(graph.node(other).type)), std::to_string(fact.weight),
               date_range(graph, fact), graph.text(fact.evidence)});
  }
  table.print(out, terminal_width());
  return 0;
}

int facts_question(const QueryGraph& graph, const Options& options, std::ostream& out) {
  allow_only(options, "facts", {"--relation", "--subject", "--object", "--type", "--since", "--until"});
  need_arguments(options, 0,
                 "relgraph query GRAPH facts [--relation REL] [--subject NAME] [--object NAME] [--type TYPE] "
                 "[--since DATE] [--until DATE]");
  FactFilter filter;
  filter.relations = relations_of(options);
  if (!options.subject.empty()) filter.subject = node_named(graph, options.subject);
  if (!options.object.empty()) filter.object = node_named(graph, options.object);
  filter.type = type_option(options.type);
  filter.since = date_option(options.since, "--since");
  filter.until = date_option(options.until, "--until");
  const std::vector<std::uint32_t> facts = find_facts(graph, filter);
  Answer answer(options, out);
  if (answer.json()) {
    write_json_facts(answer.writer(), graph, facts);
    answer.finish();
    return 0;
  }
  out << facts.size() << (facts.size() == 1 ? " fact\n" : " facts\n");
  if (!facts.empty()) print_facts_table(out, graph, facts, terminal_width());
  return 0;
}

int path_question(const QueryGraph& graph, const Options& options, std::ostream& out) {
  allow_only(options, "path", {"--relation", "--max-depth"});
  need_arguments(options, 2, "relgraph query GRAPH path A B [--max-depth N] [--relation REL]");
  const std::uint32_t from = node_named(graph, options.inputs[2]);
  const std::uint32_t to = node_named(graph, options.inputs[3]);
  const int max_depth = whole_number(options.max_depth, "--max-depth", 6);
  const std::optional<FactPath> path = shortest_path(graph, from, to, max_depth, relations_of(options));
  Answer answer(options, out);
  if (answer.json()) {
    JsonOut& json = answer.writer();
    json.StartObject();
    json.Key("path");
    json.StartArray();
    if (path) {
      for (const std::uint32_t node : path->nodes) write_json_entity(json, graph, node);
    }
    json.EndArray();
    json.Key("facts");
    write_json_facts(json, graph, path ? path->facts : std::vector<std::uint32_t>{});
    json.EndObject();
    answer.finish();
    return 0;
  }
  if (!path) {
    out << "no chain of facts links " << graph.node(from).label << " and " << graph.node(to).label << " within "
        << max_depth << (max_depth == 1 ? " step\n" : " steps\n");
    return 0;
  }
  // 인텔 -[partners_with]- 네이버클라우드 <-[invests_in]- 삼성전자
  out << graph.node(path->nodes[0]).label;
  for (std::size_t i = 0; i < path->facts.size(); ++i) {
    const QueryFact& fact = graph.fact(path->facts[i]);
    const std::string relation(name(fact.relation));
    if (is_symmetric(fact.relation)) {
      out << " -[" << relation << "]- ";
    } else if (fact.subject == path->nodes[i]) {
      out << " -[" << relation << "]-> ";
    } else {
      out << " <-[" << relation << "]- ";
    }
    out << graph.node(path->nodes[i + 1]).label;
  }
  out << "\n\n";
  print_facts_table(out, graph, path->facts, terminal_width());
  return 0;
}

std::string format_score(double score, Centrality by) {
  char buffer[32];
  if (by == Centrality::kDegree || by == Centrality::kWeight) {
    std::snprintf(buffer, sizeof buffer, "%.0f", score);
  } else {
    std::snprintf(buffer, sizeof buffer, by == Centrality::kPageRank ? "%.4f" : "%.1f", score);
  }
  return buffer;
}

int top_question(const QueryGraph& graph, const Options& options, std::ostream& out) {
  allow_only(options, "top", {"--by", "--type", "--limit"});
  need_arguments(options, 0, "relgraph query GRAPH top [--by degree|weight|pagerank|betweenness] [--type TYPE] [-n N]");
  const auto by = parse_centrality(options.by.empty() ? "degree" : options.by);
  if (!by) throw Error(Error::Kind::kUsage, "--by", "must be degree, weight, pagerank or betweenness, not \"" + options.by + "\"");
  const int n = whole_number(options.limit, "-n", 10);
  const std::vector<ScoredNode> ranked = top_entities(graph, *by, type_option(options.type), static_cast<std::size_t>(n));
  Answer answer(options, out);
  if (answer.json()) {
    JsonOut& json = answer.writer();
    json.StartArray();
    for (const ScoredNode& s : ranked) {
      json.StartObject();
      json.Key("name");
      write_json_string(json, graph.node(s.node).label);
      json.Key("type");
      write_json_string(json, name(graph.node(s.node).type));
      json.Key("score");
      json.Double(s.score);
      json.EndObject();
    }
    json.EndArray();
    answer.finish();
    return 0;
  }
  TextTable table({">#", "entity", "type", ">" + (options.by.empty() ? std::string("degree") : options.by)});
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const QueryNode& node = graph.node(ranked[i].node);
    table.add({std::to_string(i + 1), node.label, std::string(name(node.type)), format_score(ranked[i].score, *by)});
  }
  table.print(out, 0);
  return 0;
}

int run_query(const Options& options, std::ostream& out, std::ostream&) {
  if (options.inputs.size() < 2) {
    throw Error(Error::Kind::kUsage, "", "query needs GRAPH and a question: neighbors, facts, path or top (see --help)");
  }
  const std::string& question = options.inputs[1];
  int (*answer)(const QueryGraph&, const Options&, std::ostream&) = nullptr;
  if (question == "neighbors") {
    answer = neighbors_question;
  } else if (question == "facts") {
    answer = facts_question;
  } else if (question == "path") {
    answer = path_question;
  } else if (question == "top") {
    answer = top_question;
  } else {
    throw Error(Error::Kind::kUsage, "", "unknown question \"" + question + "\" (neighbors, facts, path or top)");
  }
  check_inputs_exist({options.inputs[0]});
  const QueryGraph graph = QueryGraph::load(options.inputs[0]);
  return answer(graph, options, out);
}

}  // namespace

Command query_command() {
  return {"query",
          "relgraph query GRAPH (neighbors NAME | facts | path A B | top) [OPTIONS] [--json]",
          "answer questions about a saved graph: neighbours, facts, paths, the most central",
          R"(Questions about a graph saved as GraphML (relgraph build -o GRAPH.graphml):

  neighbors NAME [--relation REL] [--direction out|in|both]
      the facts touching an entity (out: it is the subject, in: the object;
      partners_with and competes_with have no direction and always show)
  facts [--relation REL] [--subject NAME] [--object NAME] [--type TYPE]
        [--since YYYY-MM-DD] [--until YYYY-MM-DD]
      facts matching all the options (--type: an end of that type; --since,
      --until: facts whose articles' dates overlap, undated ones left out)
  path A B [--max-depth N] [--relation REL]
      a shortest chain of facts linking A and B, each fact walked either way
      (default at most 6 facts)
  top [--by degree|weight|pagerank|betweenness] [--type TYPE] [-n N]
      the most central entities (default by degree, 10; betweenness is slow
      past 100,000 facts)

Names are matched through aliases, ignoring case and spaces (OpenAI finds
오픈AI); an unknown name fails (exit 1) with the closest names. --relation
is repeatable or REL,REL. Answers are sorted: facts by weight (documents
stating them), entities by score.

Output: an aligned table, evidence cut to the terminal width ($COLUMNS when
not a terminal); with --json, one JSON document: an array of facts
{"subject": {"name", "type"}, "relation", "object": {...}, "weight", "docs",
"evidence", "first_seen", "last_seen"} for neighbors and facts,
{"path": [{"name", "type"}, ...], "facts": [...]} for path (empty when none),
[{"name", "type", "score"}, ...] for top.

Examples:
  relgraph query graph.graphml neighbors 네이버 --relation partners_with
  relgraph query graph.graphml path 인텔 삼성전자
  relgraph query graph.graphml top --by pagerank --type ORG -n 20 --json
)",
          {"--help", "--json", "--relation", "--direction", "--subject", "--object", "--type", "--since", "--until",
           "--max-depth", "--by", "--limit"},
          run_query};
}

}  // namespace relgraph
