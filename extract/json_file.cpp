#include "extract/json_file.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "extract/error.h"

namespace relgraph {

namespace {

// A string stream that counts lines, for the SAX pass.
class LineCountingStream {
 public:
  using Ch = char;
  explicit LineCountingStream(const std::string& s) : s_(s) {}
  Ch Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  Ch Take() {
    const Ch c = Peek();
    if (c == '\n') ++line_;
    ++pos_;
    return c;
  }
  std::size_t Tell() const { return pos_; }
  std::size_t line() const { return line_; }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  const std::string& s_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// Records the line of each object start, in document order.
class ObjectLineRecorder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, ObjectLineRecorder> {
 public:
  explicit ObjectLineRecorder(const LineCountingStream& stream) : stream_(stream) {}
  bool StartObject() {
    lines.push_back(stream_.line());
    return true;
  }
  std::vector<std::size_t> lines;

 private:
  const LineCountingStream& stream_;
};

// Visits objects depth-first in document order, the order of StartObject events.
void assign_lines(const rapidjson::Value& value, const std::vector<std::size_t>& lines, std::size_t& next,
                  std::unordered_map<const rapidjson::Value*, std::size_t>& out) {
  if (value.IsObject()) {
    if (next < lines.size()) out[&value] = lines[next];
    ++next;
    for (const auto& member : value.GetObject()) assign_lines(member.value, lines, next, out);
  } else if (value.IsArray()) {
    for (const auto& element : value.GetArray()) assign_lines(element, lines, next, out);
  }
}

std::string line_and_column(const std::string& content, std::size_t offset) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < content.size(); ++i) {
    if (content[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(content[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

JsonFile JsonFile::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Kind::kRules, path, "cannot open rule file");
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse(content, path);
}

JsonFile JsonFile::parse(const std::string& content, const std::string& path) {
  JsonFile file;
  file.path_ = path;
  file.root_ = std::make_unique<rapidjson::Document>();
  file.root_->Parse(content.c_str(), content.size());
  if (file.root_->HasParseError()) {
    throw Error(Error::Kind::kRules, path + ":" + line_and_column(content, file.root_->GetErrorOffset()),
                std::string("bad JSON: ") + rapidjson::GetParseError_En(file.root_->GetParseError()));
  }
  LineCountingStream stream(content);
  ObjectLineRecorder recorder(stream);
  rapidjson::Reader reader;
  reader.Parse(stream, recorder);
  std::size_t next = 0;
  assign_lines(*file.root_, recorder.lines, next, file.lines_);
  return file;
}

std::size_t JsonFile::line_of(const rapidjson::Value& object) const {
  const auto it = lines_.find(&object);
  return it == lines_.end() ? 0 : it->second;
}

std::string JsonFile::where(const rapidjson::Value& object) const {
  const std::size_t line = line_of(object);
  return line == 0 ? path_ : path_ + ":" + std::to_string(line);
}

}  // namespace relgraph
