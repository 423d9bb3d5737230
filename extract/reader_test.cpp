#include "extract/reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <iostream>
#include <streambuf>

#include "extract/error.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

using testing::TempDir;

struct Collected {
  std::vector<Document> documents;
  std::vector<std::string> warnings;
};

Collected read(const std::vector<std::string>& inputs) {
  Collected c;
  read_inputs(
      inputs, [&](Document&& d) { c.documents.push_back(std::move(d)); },
      [&](const std::string& w) { c.warnings.push_back(w); });
  return c;
}

TEST_CASE("reader: a directory is read recursively in path order, only .txt and .jsonl") {
  TempDir dir;
  dir.write("b.txt", "둘째 기사");
  dir.write("a.txt", "첫째 기사");
  dir.write("sub/c.txt", "셋째 기사");
  dir.write("notes.md", "읽지 않는다");
  dir.write("sub/d.jsonl", "{\"id\": \"d1\", \"text\": \"넷째 기사\"}\n");
  const Collected c = read({dir.path().string()});
  REQUIRE(c.documents.size() == 4);
  CHECK(c.documents[0].id == "a.txt");
  CHECK(c.documents[1].id == "b.txt");
  CHECK(c.documents[2].id == "c.txt");
  CHECK(c.documents[3].id == "d1");
  CHECK(c.documents[0].text == "첫째 기사");
  CHECK(c.warnings.empty());
}

TEST_CASE("reader: JSON Lines fields, and bad lines are reported with file and line and skipped") {
  TempDir dir;
  const auto file = dir.write("news.jsonl",
                              "{\"id\": \"n1\", \"text\": \"본문\", \"title\": \"제목\", \"date\": \"2024-03-17\", "
                              "\"url\": \"https://example.com/1\"}\n"
                              "{not json}\n"
                              "\n"
                              "{\"id\": \"n2\"}\n"
                              "{\"text\": \"아이디 없음\", \"date\": \"2024-03-18T09:00:00\"}\n");
  const Collected c = read({file.string()});
  REQUIRE(c.documents.size() == 2);
  CHECK(c.documents[0].id == "n1");
  CHECK(c.documents[0].title == "제목");
  CHECK(c.documents[0].date == "2024-03-17");
  CHECK(c.documents[0].url == "https://example.com/1");
  CHECK(c.documents[1].id == file.string() + ":5");
  CHECK(c.documents[1].date == "2024-03-18");
  REQUIRE(c.warnings.size() == 2);
  CHECK(c.warnings[0].find("news.jsonl:2") != std::string::npos);
  CHECK(c.warnings[1].find("news.jsonl:4") != std::string::npos);
}

TEST_CASE("reader: JSON Lines are read in place, line after line, as a fresh parse of each would read them") {
  // Escapes, \u0000 inside a string, numbers as ids, a text longer than the
  // parser's buffers, nested values to skip, and NUL bytes: rapidjson reads
  // one as the end of the line, so one after the object ends the line and
  // one inside a string leaves the string unclosed.
  const std::string long_text(20000, 'x');
  // The reader's first 1 MiB decides whether an input is binary (a NUL
  // there makes it so); the lines with NULs come after that.
  std::string lines;
  while (lines.size() < (std::size_t{5} << 20)) lines += "{\"id\": \"filler\", \"text\": \"" + std::string(4000, 'y') + "\"}\n";
  lines +=
      "{\"id\": 7, \"text\": \"\\\"인용\\\" \\u0041\\uD55C\\n\\t끝\", \"title\": \"a\\u0000b\"}\n"
      "{\"id\": \"long\", \"text\": \"" + long_text + "\", \"extra\": {\"nested\": [1, 2, {\"deep\": null}]}}\n"
      "{\"id\": \"nul\", \"te" + std::string(1, '\0') + "xt\": \"a\"}\n"
      "{\"id\": \"short\", \"text\": \"짧다\"}" + std::string(1, '\0') + "더\n"
      "{\"id\": \"esc\", \"text\": \"\\/\\\\\\b\\f\\r\"}\n";
  const auto filler_lines = static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n')) - 5;
  std::vector<Document> documents;
  std::vector<std::string> warnings;
  read_json_lines(
      lines, "in.jsonl", [&](Document&& d) { documents.push_back(std::move(d)); },
      [&](const std::string& w) { warnings.push_back(w); });
  std::erase_if(documents, [](const Document& d) { return d.id == "filler"; });
  REQUIRE(documents.size() == 4);
  CHECK(documents[0].id == "7");
  CHECK(documents[0].text == "\"인용\" A한\n\t끝");
  CHECK(documents[0].title == std::string("a\0b", 3));
  CHECK(documents[1].id == "long");
  CHECK(documents[1].text == long_text);
  CHECK(documents[2].id == "short");
  CHECK(documents[2].text == "짧다");
  CHECK(documents[3].text == "/\\\b\f\r");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("in.jsonl:" + std::to_string(filler_lines + 3) + ": skipped, not JSON") != std::string::npos);
}

TEST_CASE("reader: a byte order mark is dropped and bad UTF-8 is replaced with one warning") {
  TempDir dir;
  dir.write("bom.txt", "\xEF\xBB\xBF네이버");
  dir.write("bad.txt", std::string("네이\xFF버와 \xC3 끝"));
  const Collected c = read({(dir / "bom.txt").string(), (dir / "bad.txt").string()});
  REQUIRE(c.documents.size() == 2);
  CHECK(c.documents[0].text == "네이버");
  CHECK(c.documents[1].text == "네이\uFFFD버와 \uFFFD 끝");
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].find("bad.txt") != std::string::npos);
  CHECK(c.warnings[0].find("byte 6") != std::string::npos);
}

TEST_CASE("reader: JSON Lines after a byte order mark keep their first line") {
  std::vector<Document> documents;
  read_json_lines("\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"본문\"}\n", "bom.jsonl",
                  [&](Document&& d) { documents.push_back(std::move(d)); }, [](const std::string&) {});
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].id == "a");
}

TEST_CASE("reader: a large JSON Lines file is streamed: lines across blocks, bad UTF-8 deep inside, no final newline") {
  TempDir dir;
  std::string content = "\xEF\xBB\xBF";
  std::size_t bad_offset = 0;
  const std::size_t lines = 60'000;  // about 9 MB: nine 1 MiB blocks
  for (std::size_t i = 0; i < lines; ++i) {
    std::string text = "해솔전자는 미르테크와 협력했다. 문서 " + std::to_string(i) + std::string(100, '.');
    if (i == 45'000) {
      bad_offset = content.size() + std::string("{\"id\": \"d45000\", \"text\": \"").size() + 3;
      text.insert(3, "\xFF");
    }
    content += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"" + text + "\"}";
    if (i + 1 < lines) content += "\n";
  }
  REQUIRE(content.size() > 8'500'000);
  const Collected c = read({dir.write("big.jsonl", content).string()});
  REQUIRE(c.documents.size() == lines);
  CHECK(c.documents.front().id == "d0");
  CHECK(c.documents.back().id == "d59999");
  CHECK(c.documents[45'000].text.starts_with("해\uFFFD솔전자는"));
  CHECK(c.documents[12'345].text.starts_with("해솔전자는 미르테크와 협력했다. 문서 12345"));
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].find("big.jsonl: invalid UTF-8 at byte " + std::to_string(bad_offset) + ";") != std::string::npos);
}

TEST_CASE("reader: JSON Lines files after a large one start clean: nothing of the last file's buffer is read again") {
  TempDir dir;
  std::string first;
  for (int i = 0; i < 40'000; ++i) {  // about 5 MB: two blocks, the last line without its newline
    if (i > 0) first += "\n";
    first += "{\"id\": \"a" + std::to_string(i) + "\", \"text\": \"해솔전자는 미르테크를 인수했다." + std::string(80, '.') +
             "\"}";
  }
  REQUIRE(first.size() > (4u << 20));
  dir.write("1.jsonl", first);
  dir.write("2.jsonl", "{\"id\": \"b0\", \"text\": \"둘째 파일\"}\n{\"id\": \"b1\", \"text\": \"끝\"}");
  dir.write("3.jsonl", "\xEF\xBB\xBF{\"id\": \"c0\", \"text\": \"셋째 파일\"}\n");
  const Collected c = read({dir.path().string()});
  CHECK(c.warnings.empty());
  REQUIRE(c.documents.size() == 40'003);
  CHECK(c.documents[39'999].id == "a39999");
  CHECK(c.documents[39'999].text.ends_with("인수했다." + std::string(80, '.')));
  CHECK(c.documents[40'000].id == "b0");
  CHECK(c.documents[40'001].text == "끝");
  CHECK(c.documents[40'002].id == "c0");
  CHECK(c.documents[40'002].text == "셋째 파일");
}

// `lines` JSON Lines of about 150 bytes of text each, numbered from 0.
std::string numbered_lines(std::size_t lines) {
  std::string content;
  for (std::size_t i = 0; i < lines; ++i) {
    content += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"해솔전자는 똠방각하와 협력했다. 문서 " +
               std::to_string(i) + " " + std::string(i % 97, '.') + "\"}\n";
  }
  return content;
}

TEST_CASE("reader: a large JSON Lines file in another encoding is streamed block by block") {
  TempDir dir;
  const std::size_t lines = 80'000;  // about 9 MB in CP949: three blocks, characters cut at their ends
  const std::string utf8 = numbered_lines(lines);
  std::string cp949 = testing::encode(utf8, "windows-949-2000");
  cp949.pop_back();  // no final newline
  // A lead byte without its trail byte in line 60,000, in a later block than the first.
  const std::size_t bad_at = cp949.find(testing::encode("문서 60000 ", "windows-949-2000"));
  REQUIRE(bad_at > (4u << 20));
  cp949.insert(bad_at, "\x81 ");
  std::vector<Document> documents;
  std::vector<std::pair<std::size_t, std::string>> warnings;  // documents read before each warning
  read_inputs(
      {dir.write("legacy.jsonl", cp949).string()}, [&](Document&& d) { documents.push_back(std::move(d)); },
      [&](const std::string& w) { warnings.emplace_back(documents.size(), w); });
  REQUIRE(documents.size() == lines);
  for (const std::size_t i : {std::size_t{0}, std::size_t{27'000}, std::size_t{54'321}, lines - 1}) {
    CHECK(documents[i].id == "d" + std::to_string(i));
    CHECK(documents[i].text ==
          "해솔전자는 똠방각하와 협력했다. 문서 " + std::to_string(i) + " " + std::string(i % 97, '.'));
  }
  std::size_t damaged = 0;
  for (const Document& d : documents) damaged += d.text.find("\uFFFD") != std::string::npos;
  CHECK(damaged == 1);
  CHECK(documents[60'000].text.find("\uFFFD 문서 60000") != std::string::npos);
  // The guess before any document, the damage before the document it is in.
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].first == 0);
  CHECK(warnings[0].second.find("legacy.jsonl: not UTF-8; read as CP949") != std::string::npos);
  CHECK(warnings[1].first <= 60'000);
  CHECK(warnings[1].second.ends_with("legacy.jsonl: invalid CP949 at byte " + std::to_string(bad_at) +
                                     "; replaced by U+FFFD"));
}

// A stream buffer over a string that counts the bytes handed out.
class CountingBuffer : public std::streambuf {
 public:
  explicit CountingBuffer(std::string content) : content_(std::move(content)) {}
  std::size_t handed_out() const { return handed_out_; }

 protected:
  std::streamsize xsgetn(char* s, std::streamsize n) override {
    const std::size_t count = std::min(static_cast<std::size_t>(n), content_.size() - handed_out_);
    std::memcpy(s, content_.data() + handed_out_, count);
    handed_out_ += count;
    return static_cast<std::streamsize>(count);
  }
  int_type underflow() override {
    if (handed_out_ == content_.size()) return traits_type::eof();
    setg(&content_[handed_out_], &content_[handed_out_], &content_[handed_out_] + 1);
    ++handed_out_;
    return traits_type::to_int_type(content_[handed_out_ - 1]);
  }

 private:
  std::string content_;
  std::size_t handed_out_ = 0;
};

// Runs read_inputs({"-"}) with `content` as standard input; `at_first` gets
// how much of it had been read when the first document arrived.
Collected read_stdin(const std::string& content, std::size_t* at_first = nullptr) {
  CountingBuffer buffer(content);
  std::streambuf* const saved = std::cin.rdbuf(&buffer);
  Collected c;
  try {
    read_inputs(
        {"-"},
        [&](Document&& d) {
          if (c.documents.empty() && at_first) *at_first = buffer.handed_out();
          c.documents.push_back(std::move(d));
        },
        [&](const std::string& w) { c.warnings.push_back(w); });
  } catch (...) {
    std::cin.rdbuf(saved);
    throw;
  }
  std::cin.rdbuf(saved);
  std::cin.clear();
  return c;
}

TEST_CASE("reader: standard input is streamed too, in UTF-8 or another encoding, and plain text is one document") {
  const std::size_t lines = 70'000;  // about 11 MB of UTF-8
  const std::string utf8 = numbered_lines(lines);
  std::size_t at_first = 0;
  Collected c = read_stdin(utf8, &at_first);
  REQUIRE(c.documents.size() == lines);
  CHECK(c.documents[lines - 1].id == "d" + std::to_string(lines - 1));
  CHECK(c.warnings.empty());
  CHECK(at_first <= (4u << 20));  // one block, not the whole input

  const std::string cp949 = testing::encode(utf8, "windows-949-2000");
  c = read_stdin(cp949, &at_first);
  REQUIRE(c.documents.size() == lines);
  CHECK(c.documents[33'333].text == "해솔전자는 똠방각하와 협력했다. 문서 33333 " + std::string(33'333 % 97, '.'));
  CHECK(at_first <= (4u << 20));
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].starts_with("stdin: not UTF-8; read as CP949"));

  c = read_stdin(" \n");
  REQUIRE(c.documents.size() == 1);  // empty input is an empty article, as an empty file is
  CHECK(c.documents[0].text == " \n");

  c = read_stdin("\xEF\xBB\xBF  해솔전자는 미르테크와 협력했다.\n{\"둘째 줄\"}\n");
  REQUIRE(c.documents.size() == 1);
  CHECK(c.documents[0].id == "stdin");
  CHECK(c.documents[0].text == "  해솔전자는 미르테크와 협력했다.\n{\"둘째 줄\"}\n");
}

TEST_CASE("reader: a leading date line dates a plain-text article") {
  CHECK(date_header("date 2025-11-07 기사 본문") == "2025-11-07");
  CHECK(date_header("date: 2024-01-02\n본문") == "2024-01-02");
  CHECK(date_header("dated 2024-01-02") == "");
  CHECK(date_header("본문 date 2024-01-02") == "");
}

TEST_CASE("reader: a missing input is a usage error before any work") {
  CHECK_THROWS_AS(check_inputs_exist({"/nonexistent/articles"}), Error);
  CHECK_NOTHROW(check_inputs_exist({"-"}));
}

}  // namespace
}  // namespace relgraph
