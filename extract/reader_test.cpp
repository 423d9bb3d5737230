#include "extract/reader.h"

#include <doctest/doctest.h>

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
  const std::size_t lines = 60'000;  // about 9 MB: three 4 MiB blocks
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

TEST_CASE("reader: a JSON Lines file in another encoding is decoded whole") {
  TempDir dir;
  const std::string line = "{\"id\": \"a\", \"text\": \"해솔전자는 미르테크와 인공지능 반도체를 함께 개발하기로 했다고 밝혔다.\"}\n";
  const std::string euc_kr = testing::encode(line + line, "EUC-KR");
  const Collected c = read({dir.write("legacy.jsonl", euc_kr).string()});
  REQUIRE(c.documents.size() == 2);
  CHECK(c.documents[1].text == "해솔전자는 미르테크와 인공지능 반도체를 함께 개발하기로 했다고 밝혔다.");
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].find("read as CP949") != std::string::npos);
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
