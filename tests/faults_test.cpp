// Dirty input and faults, end to end through the real relgraph binary: legacy
// encodings, broken bytes and lines, binary files, pathological text, broken
// rules and graphs, full disks, unwritable folders and signals. Every input
// is generated here, from the tests' own Korean text.
#include <doctest/doctest.h>
#include <signal.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <thread>

#include "bench/synthetic_graph.h"
#include "export/exporter.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

using testing::read_file;
using testing::run_command;
using testing::run_relgraph;
using testing::shell_quote;
using testing::encode;
using testing::TempDir;
namespace fs = std::filesystem;

// Six facts, with ASCII letters (CTO, VR), digits, quotes and brackets that
// the dirty variants below disguise.
const std::string kClean =
    "해솔전자는 미르테크와 인공지능 반도체를 공동 개발하기 위한 업무협약을 체결했다고 12일 밝혔다.\n"
    "누리소프트는 별빛랩스를 인수했다고 밝혔다.\n"
    "해솔전자는 김하늘 전 미르테크 부사장을 최고기술책임자(CTO)로 영입했다.\n"
    "해솔전자는 VR 헤드셋 '해솔 비전'을 개발했다.\n";

const std::set<std::string> kCleanFacts = {
    "partners_with(해솔전자, 미르테크)", "acquires(누리소프트, 별빛랩스)", "formerly_worked_for(김하늘, 미르테크)",
    "hires(해솔전자, 김하늘)",           "works_for(김하늘, 해솔전자)",    "develops(해솔전자, 해솔 비전)"};

using testing::str;

std::set<std::string> facts_in(const std::string& json_lines) {
  std::set<std::string> facts;
  bool parsed = false;
  for (const auto& line : testing::parse_json_lines(json_lines, &parsed)) {
    if (str(line["kind"]) != "relation") continue;
    facts.insert(str(line["relation"]) + "(" + str(line["subject"]["name"]) + ", " + str(line["object"]["name"]) + ")");
  }
  CHECK(parsed);
  return facts;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_CASE("faults: EUC-KR, CP949 and UTF-16 files give the facts of UTF-8, the warning names what was detected") {
  TempDir dir;
  const auto euc_kr = dir.write("euc-kr.txt", encode(kClean, "EUC-KR"));
  const auto cp949 = dir.write("cp949.txt", encode("똠방각하 펲시.\n" + kClean, "windows-949-2000"));
  const auto utf16 = dir.write("utf16.txt", "\xFF\xFE" + encode(kClean, "UTF-16LE"));
  const auto bom = dir.write("bom.txt", "\xEF\xBB\xBF" + kClean);

  const auto detected = run_relgraph({"extract", euc_kr.string()});
  CHECK(detected.status == 0);
  CHECK(facts_in(detected.out) == kCleanFacts);
  CHECK(detected.err.find("euc-kr.txt: not UTF-8; read as CP949 (ICU detected EUC-KR") != std::string::npos);

  const auto extended = run_relgraph({"extract", cp949.string()});
  CHECK(facts_in(extended.out) == kCleanFacts);
  CHECK(extended.err.find("cp949.txt: not UTF-8; read as CP949") != std::string::npos);

  for (const auto& file : {utf16, bom}) {
    const auto result = run_relgraph({"extract", file.string()});
    CHECK(facts_in(result.out) == kCleanFacts);
    CHECK(result.err == "");
  }

  const auto forced = run_relgraph({"extract", "--encoding", "EUC-KR", euc_kr.string()});
  CHECK(facts_in(forced.out) == kCleanFacts);
  CHECK(forced.err == "");

  const auto unknown = run_relgraph({"extract", "--encoding", "KLINGON-8", euc_kr.string()});
  CHECK(unknown.status == 2);
  CHECK(unknown.out == "");
  CHECK(unknown.err.find("KLINGON-8") != std::string::npos);
}

TEST_CASE("faults: bad UTF-8 becomes U+FFFD with one warning per file at the first bad byte, offsets stay right") {
  TempDir dir;
  const std::string bad = "\xC3\xFF\xFE " + kClean + "\xE2\x82 끝 \xF0\x9F\x98";  // three bad places
  const auto file = dir.write("broken.txt", bad);
  const auto result = run_relgraph({"extract", "--entities", file.string()});
  CHECK(result.status == 0);
  CHECK(facts_in(result.out) == kCleanFacts);
  CHECK(count(result.err, "relgraph: warning:") == 1);
  CHECK(result.err.find("broken.txt: invalid UTF-8 at byte 0;") != std::string::npos);

  // The offsets of every entity are code points in the repaired text: one U+FFFD per bad sequence.
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8("\uFFFD\uFFFD\uFFFD " + kClean + "\uFFFD 끝 \uFFFD");
  std::size_t entities = 0;
  for (const auto& line : testing::parse_json_lines(result.out)) {
    if (str(line["kind"]) != "entity") continue;
    ++entities;
    const int32_t start = text.moveIndex32(0, line["start"].GetInt());
    const int32_t end = text.moveIndex32(0, line["end"].GetInt());
    std::string written;
    text.tempSubStringBetween(start, end).toUTF8String(written);
    CHECK_MESSAGE(str(line["surface"]).starts_with(written), "offsets point at ", written);
    CHECK(!written.empty());
  }
  CHECK(entities >= 8);
}

std::string nfd(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  normalizer->normalize(icu::UnicodeString::fromUTF8(text), status).toUTF8String(out);
  REQUIRE(U_SUCCESS(status));
  return out;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// ASCII letters, digits and ( ) ' as their full-width forms (U+FF01..U+FF5E).
std::string full_width(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7F && u != '\n') {
      const char32_t wide = 0xFF01 + (u - 0x21);
      out += static_cast<char>(0xE0 | (wide >> 12));
      out += static_cast<char>(0x80 | ((wide >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (wide & 0x3F));
    } else {
      out += c;
    }
  }
  return out;
}

TEST_CASE("faults: NFD Hangul, CRLF, full-width forms, zero-width characters and NBSP give the facts of clean text") {
  const std::pair<const char*, std::string> variants[] = {
      {"NFD", nfd(kClean)},
      {"CRLF", replace_all(kClean, "\n", "\r\n")},
      {"full-width", full_width(kClean)},
      {"zero-width", replace_all(replace_all(kClean, "해솔전자", "해솔\u200B전자"), "미르테크", "미르\u200D테크\uFEFF")},
      {"NBSP", replace_all(kClean, " ", "\u00A0")},
      {"all at once", nfd(replace_all(replace_all(full_width(replace_all(kClean, "해솔전자", "해솔\u200B전자")), " ", "\u00A0"),
                                      "\n", "\r\n"))},
  };
  TempDir dir;
  for (const auto& [name, text] : variants) {
    const std::string label = name;
    CAPTURE(label);
    REQUIRE(text != kClean);
    const auto result = run_relgraph({"extract", dir.write("variant.txt", text).string()});
    CHECK(result.status == 0);
    CHECK(facts_in(result.out) == kCleanFacts);
    CHECK(result.err == "");
  }
}

TEST_CASE("faults: a binary file is skipped with a warning, empty files and documents are fine, the rest is read") {
  TempDir dir;
  dir.write("corpus/a-article.txt", kClean);
  dir.write("corpus/b-image.txt", std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16));
  dir.write("corpus/c-empty.txt", "");
  dir.write("corpus/d-empty.jsonl", "");
  dir.write("corpus/e-blank.jsonl", "{\"id\": \"blank\", \"text\": \"\"}\n\n   \n");
  const auto result = run_relgraph({"build", (dir / "corpus").string(), "-o", (dir / "g.graphml").string()});
  CHECK(result.status == 0);
  CHECK(count(result.err, "warning") == 1);
  CHECK(result.err.find("b-image.txt: NUL byte at byte 8: not text; skipped") != std::string::npos);
  CHECK(result.err.find("3 documents") != std::string::npos);  // the article, the empty file, the blank line
  CHECK(fs::exists(dir / "g.graphml"));
  const auto extracted = run_relgraph({"extract", (dir / "corpus").string()});
  CHECK(facts_in(extracted.out) == kCleanFacts);
}

TEST_CASE("faults: a missing input is an error before any work: exit 2, no output, no file") {
  TempDir dir;
  const auto article = dir.write("a.txt", kClean);
  const auto result =
      run_relgraph({"build", article.string(), (dir / "missing").string(), "-o", (dir / "g.graphml").string()});
  CHECK(result.status == 2);
  CHECK(result.out == "");
  CHECK(result.err == "relgraph: " + (dir / "missing").string() + ": no such file or directory\n");
  CHECK_FALSE(fs::exists(dir / "g.graphml"));
}

TEST_CASE("faults: JSON Lines: bad lines are reported with file and line and skipped, --strict makes it exit 2") {
  TempDir dir;
  const auto file = dir.write("news.jsonl",
                              "{\"id\": \"ok\", \"text\": \"누리소프트는 별빛랩스를 인수했다고 밝혔다.\"}\n"
                              "{\"id\": \"cut\", \"text\": \"해솔전자는\n"
                              "{\"id\": \"no-text\"}\n"
                              "[1, 2]\n"
                              "{\"id\": \"number\", \"text\": 42}\n"
                              "{\"id\": \"ok2\", \"text\": \"해솔전자는 미르테크와 업무협약을 체결했다.\"}\n");
  const auto result = run_relgraph({"extract", file.string()});
  CHECK(result.status == 0);
  CHECK(facts_in(result.out) ==
        std::set<std::string>{"acquires(누리소프트, 별빛랩스)", "partners_with(해솔전자, 미르테크)"});
  CHECK(count(result.err, "relgraph: warning:") == 4);
  for (const char* line : {":2: skipped, not JSON", ":3: skipped, no \"text\"", ":4: skipped", ":5: skipped"}) {
    CHECK_MESSAGE(result.err.find("news.jsonl" + std::string(line)) != std::string::npos, line);
  }

  const auto strict = run_relgraph({"build", "--strict", file.string(), "-o", (dir / "g.graphml").string()});
  CHECK(strict.status == 2);
  CHECK(strict.err.find("news.jsonl:2: skipped, not JSON") != std::string::npos);
  CHECK(strict.err.find("(--strict)") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "g.graphml"));

  const auto bad_bytes = dir.write("bad.txt", kClean + "\xFF");
  CHECK(run_relgraph({"extract", "--strict", bad_bytes.string()}).status == 2);
  CHECK(run_relgraph({"extract", "--strict", dir.write("good.txt", kClean).string()}).status == 0);
}

TEST_CASE("faults: results go to stdout and warnings to stderr, --quiet silences the summary, no progress off a terminal") {
  TempDir dir;
  dir.write("in/a.txt", kClean);
  dir.write("in/b.jsonl", "{oops}\n");
  const auto extracted = run_relgraph({"extract", (dir / "in").string()});
  CHECK(facts_in(extracted.out) == kCleanFacts);  // every stdout line parses as JSON
  CHECK(extracted.err == "relgraph: warning: " + (dir / "in/b.jsonl").string() +
                             ":1: skipped, not JSON: Missing a name for object member.\n");

  const auto built = run_relgraph({"build", (dir / "in/a.txt").string(), "-o", (dir / "g.graphml").string()});
  CHECK(built.out == "");
  CHECK(built.err.find("1 documents") != std::string::npos);
  CHECK(built.err.find('\r') == std::string::npos);
  const auto quiet =
      run_relgraph({"build", "--quiet", (dir / "in/a.txt").string(), "-o", (dir / "g.graphml").string()});
  CHECK(quiet.status == 0);
  CHECK(quiet.err == "");
}

TEST_CASE("faults: on a terminal a progress line counts documents, MB and facts, and --quiet removes it") {
  REQUIRE_MESSAGE(testing::have_program("script"), "script(1) (Debian's bsdutils) gives relgraph a terminal");
  TempDir dir;
  REQUIRE(run_command(shell_quote(RELGRAPH_MAKE_CORPUS) + " --mb 1 -o " + shell_quote((dir / "news").string()))
              .status == 0);
  // The progress line waits a second before it is first drawn, so the
  // articles arrive through a pipe that pauses for longer than that halfway:
  // however fast extraction gets, the run lasts past the first second and
  // documents still come after it.
  auto on_terminal = [&](const std::string& flags) {
    const std::string articles = shell_quote((dir / "news/articles").string()) + "/*.jsonl";
    const std::string inner = "(cat " + articles + " | head -n 300; sleep 1.5; cat " + articles + ") | " +
                              shell_quote(testing::binary().string()) + " extract --threads 1 " + flags +
                              " - >/dev/null";
    // script(1) runs the command on a pseudo-terminal; stderr reaches the typescript.
    return run_command("script -qfec " + shell_quote(inner) + " /dev/null");
  };
  const auto shown = on_terminal("");
  CHECK(shown.status == 0);
  CHECK_MESSAGE(shown.out.find("\rrelgraph: ") != std::string::npos, shown.out);
  CHECK(shown.out.find(" documents, ") != std::string::npos);
  CHECK(shown.out.find(" MB/s") != std::string::npos);
  const auto quiet = on_terminal("--quiet");
  CHECK(quiet.status == 0);
  CHECK(quiet.out.find("documents") == std::string::npos);
}

double seconds_of(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST_CASE("faults: a 50 MB document on one line without punctuation finishes, in time linear in its size") {
  TempDir dir;
  const std::string words[] = {"인공지능", "반도체", "시장", "해솔전자", "미르테크와", "협력", "데이터", "플랫폼"};
  auto one_line = [&](std::size_t bytes) {
    std::string text;
    text.reserve(bytes + 32);
    for (std::size_t i = 0; text.size() < bytes; i = i * 7 + 3) text += words[i % 8] + " ";
    return text;
  };
  dir.write("small.txt", one_line(5'000'000));
  dir.write("large.txt", one_line(50'000'000));
  testing::RunResult small, large;
  const double t_small = seconds_of([&] { small = run_relgraph({"extract", (dir / "small.txt").string()}); });
  const double t_large = seconds_of([&] { large = run_relgraph({"extract", (dir / "large.txt").string()}); });
  CHECK(small.status == 0);
  CHECK(large.status == 0);
  MESSAGE("5 MB: " << t_small << " s, 50 MB: " << t_large << " s");
  // Linear: ten times the text, about ten times the time (a quadratic cost would be a hundred).
  CHECK(t_large < 10 * t_small * 2.5);
}

TEST_CASE("faults: thousands of names in a sentence, deep brackets and quotes cost time linear in their size") {
  const std::string names[] = {"해솔전자", "미르테크", "누리소프트", "별빛랩스", "김하늘", "삼성전자"};
  auto many_names = [&](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += names[i % 6] + (i % 2 ? "와 " : ", ");
    return s + "협력했다고 밝혔다.";
  };
  auto nested = [](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += i % 3 == 0 ? "(" : i % 3 == 1 ? "“" : "'";
    s += "해솔전자는 미르테크와 협력했다";
    for (std::size_t i = 0; i < n; ++i) s += i % 2 ? ")" : "”";
    return s;
  };
  auto unclosed = [](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += "(「‘";
    return s + "해솔전자는 미르테크와 협력했다." + std::string(n, '"');
  };
  const std::pair<const char*, std::function<std::string(std::size_t)>> cases[] = {
      {"names", many_names}, {"nested", nested}, {"unclosed", unclosed}};
  testing::shipped_rules();  // loaded before the clock starts
  for (const auto& [name, make] : cases) {
    const std::string label = name;
    CAPTURE(label);
    const std::string small = make(5'000), large = make(40'000);
    const double t_small = seconds_of([&] { testing::extract_text(small); });
    const double t_large = seconds_of([&] { testing::extract_text(large); });
    MESSAGE(label << ": " << small.size() << " bytes " << t_small << " s; " << large.size() << " bytes " << t_large
                 << " s");
    CHECK(t_large < 8 * t_small * 2.5 + 0.05);
  }
}

// The shipped rules copied to `dir`/rules, with `file` replaced by `content`.
std::string broken_rules(const TempDir& dir, const std::string& file, const std::string& content) {
  fs::remove_all(dir / "rules");
  fs::copy(testing::rules_dir(), dir / "rules", fs::copy_options::recursive);
  dir.write("rules/" + file, content);
  return (dir / "rules").string();
}

TEST_CASE("faults: a rule file with a mistake exits 2 naming file, line, rule id and reason") {
  TempDir dir;
  const auto article = dir.write("a.txt", kClean);
  struct Case {
    const char* name;
    std::string file, content, expected;
  };
  const Case cases[] = {
      {"bad JSON", "relations/mine.json", "{\"rules\": [\n  {\"id\": \"mine.one\",\n   \"pattern\" \"x\"}]}",
       "mine.json:3:"},
      {"unknown relation", "relations/mine.json",
       "{\"rules\": [\n{\"id\": \"mine.rel\", \"pattern\": \"{ORG:a}와 {ORG:b}\", \"emit\": [{\"relation\": "
       "\"befriends\", \"subject\": \"a\", \"object\": \"b\"}]}]}",
       "mine.json:2: rule mine.rel"},
      {"type outside RELATIONS.md", "entities/mine.json",
       "{\"rules\": [\n\n{\"id\": \"mine.loc\", \"pattern\": \"(?P<LOCATION>서울)\"}]}", "mine.json:3: rule mine.loc"},
      {"pattern RE2 rejects", "relations/mine.json",
       "{\"rules\": [{\"id\": \"mine.re\", \"pattern\": \"{ORG:a}(와\", \"emit\": [{\"relation\": \"partners_with\", "
       "\"parties\": \"a\"}]}]}",
       "mine.json:1: rule mine.re"},
  };
  for (const Case& c : cases) {
    const std::string label = c.name;
    CAPTURE(label);
    const auto result = run_relgraph({"extract", "--rules", broken_rules(dir, c.file, c.content), article.string()});
    CHECK(result.status == 2);
    CHECK(result.out == "");
    CHECK_MESSAGE(result.err.find(c.expected) != std::string::npos, result.err);
  }
  const auto re2 = run_relgraph(
      {"extract", "--rules", broken_rules(dir, "relations/mine.json", cases[3].content), article.string()});
  CHECK(re2.err.find("pattern does not compile: missing ): ") != std::string::npos);  // RE2's own words
  const auto type = run_relgraph(
      {"extract", "--rules", broken_rules(dir, "entities/mine.json", cases[2].content), article.string()});
  CHECK(type.err.find("LOCATION is not an entity type") != std::string::npos);
}

TEST_CASE("faults: a GraphML that is not well-formed, or not relgraph's, exits 2 with the reason and position") {
  TempDir dir;
  const auto saved = dir / "g.graphml";
  REQUIRE(run_relgraph({"build", dir.write("a.txt", kClean).string(), "-o", saved.string()}).status == 0);
  const std::string whole = read_file(saved);
  const std::pair<const char*, std::string> broken[] = {
      {"truncated", whole.substr(0, whole.size() * 2 / 3)},
      {"mismatched tag", replace_all(whole, "</node>", "</nod>")},
      {"not XML", "해솔전자,미르테크,partners_with\n"},
      {"another program's GraphML",
       "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph id=\"G\" "
       "edgedefault=\"directed\">\n<node id=\"a\"/>\n<edge source=\"a\" target=\"zzz\"/>\n</graph>\n</graphml>\n"},
  };
  for (const auto& [name, content] : broken) {
    const std::string label = name;
    CAPTURE(label);
    const auto file = dir.write("broken.graphml", content);
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"stats", file.string()},
          std::vector<std::string>{"query", file.string(), "neighbors", "해솔전자"},
          std::vector<std::string>{"export", file.string(), "-o", (dir / "out.dot").string()}}) {
      const auto result = run_relgraph(command);
      CHECK_MESSAGE(result.status == 2, command[0], ": ", result.err);
      CHECK(result.out == "");
      // "relgraph: FILE:LINE:COLUMN: reason"
      CHECK_MESSAGE(result.err.starts_with("relgraph: " + file.string() + ":"), result.err);
      CHECK(std::isdigit(static_cast<unsigned char>(result.err[("relgraph: " + file.string() + ":").size()])));
    }
  }
  CHECK_FALSE(fs::exists(dir / "out.dot"));
}

TEST_CASE("faults: a full disk or an unwritable folder leaves the previous file and no temporary, exit 1 names it") {
  TempDir dir;
  const auto article = dir.write("a.txt", kClean);
  const auto out = dir.write("out/g.graphml", "previous graph");
  // ulimit -f: writes past 2 KiB fail with EFBIG, as on a full disk.
  const auto full = run_command("ulimit -f 4 && exec " + shell_quote(testing::binary().string()) + " build " +
                                shell_quote(article.string()) + " -o " + shell_quote(out.string()));
  CHECK(full.status == 1);
  CHECK(full.err.find(out.string() + ": cannot write: File too large; the previous file is kept") != std::string::npos);
  CHECK(read_file(out) == "previous graph");
  CHECK(std::distance(fs::directory_iterator(dir / "out"), {}) == 1);

  const auto blocked = run_relgraph({"build", article.string(), "-o", (dir / "a.txt/g.graphml").string()});
  CHECK(blocked.status == 1);
  CHECK(blocked.err.find("a.txt/g.graphml: cannot create folder") != std::string::npos);

  fs::create_directories(dir / "folder.graphml");  // the target is a folder: the rename fails
  const auto rename = run_relgraph({"build", article.string(), "-o", (dir / "folder.graphml").string()});
  CHECK(rename.status == 1);
  CHECK(rename.err.find("folder.graphml: cannot replace the file") != std::string::npos);
  CHECK(std::distance(fs::directory_iterator(dir.path()), {}) == 3);  // a.txt, out, folder.graphml: no temporary
}

TEST_CASE("faults: SIGINT or SIGTERM while writing leaves the previous file and no temporary, exit 1 names it") {
  TempDir dir;
  const auto big = dir / "big.graphml";
  write_graph_file(bench::synthetic_graph({20'000, 100'000, 7}), big.string());
  for (const int signal : {SIGINT, SIGTERM}) {
    CAPTURE(signal);
    const auto out = dir.write("out/copy.graphml", "previous graph");
    const std::string command = shell_quote(testing::binary().string()) + " export " + shell_quote(big.string()) +
                                " -o " + shell_quote(out.string()) + " 2>" + shell_quote((dir / "err").string());
    // Started in the background; the signal is sent once the temporary exists, i.e. mid-write.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    bool sent = false;
    for (int i = 0; i < 6000 && !sent; ++i) {
      for (const auto& entry : fs::directory_iterator(dir / "out")) {
        if (entry.path().filename().string().starts_with(".copy.graphml.tmp")) {
          ::kill(child, signal);
          sent = true;
        }
      }
      if (!sent) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(sent);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    const std::string err = read_file(dir / "err");
    CHECK_MESSAGE(err.find(out.string() + ": interrupted by SIG") != std::string::npos, err);
    CHECK(err.find("the previous file is kept") != std::string::npos);
    CHECK(read_file(out) == "previous graph");
    CHECK(std::distance(fs::directory_iterator(dir / "out"), {}) == 1);
  }
}

}  // namespace
}  // namespace relgraph
