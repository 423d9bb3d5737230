#include "extract/json_lines.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace relgraph {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void key_value(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void entity_ref(Writer& w, const char* key, const EntityMention& m) {
  w.Key(key);
  w.StartObject();
  key_value(w, "name", m.name);
  key_value(w, "type", name(m.type));
  w.EndObject();
}

}  // namespace

void append_json_lines(const DocumentResult& result, bool with_entities, std::string& out) {
  rapidjson::StringBuffer buffer;
  auto flush_line = [&]() {
    out.append(buffer.GetString(), buffer.GetSize());
    out += '\n';
    buffer.Clear();
  };
  if (with_entities) {
    for (const EntityMention& m : result.entities) {
      Writer w(buffer);
      w.StartObject();
      key_value(w, "kind", "entity");
      key_value(w, "doc", result.doc_id);
      key_value(w, "name", m.name);
      key_value(w, "surface", m.surface);
      key_value(w, "type", name(m.type));
      w.Key("start");
      w.Uint64(m.start_cp);
      w.Key("end");
      w.Uint64(m.end_cp);
      w.EndObject();
      flush_line();
    }
  }
  for (const RelationMention& r : result.relations) {
    Writer w(buffer);
    w.StartObject();
    key_value(w, "kind", "relation");
    key_value(w, "doc", result.doc_id);
    key_value(w, "relation", name(r.relation));
    entity_ref(w, "subject", result.entities[r.subject]);
    entity_ref(w, "object", result.entities[r.object]);
    key_value(w, "evidence", evidence_of(result, r));
    key_value(w, "rule", r.rule);
    w.Key("attrs");
    w.StartObject();
    if (!r.role.empty()) key_value(w, "role", r.role);
    if (!result.date.empty()) key_value(w, "date", result.date);
    w.EndObject();
    w.EndObject();
    flush_line();
  }
}

}  // namespace relgraph
