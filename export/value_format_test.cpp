#include "export/value_format.h"

#include <doctest/doctest.h>

namespace relgraph {
namespace {

TEST_CASE("value format: xml_escape escapes markup and drops characters XML forbids") {
  CHECK(xml_escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  CHECK(xml_escape(std::string("x\x01y\x1Fz\tw")) == "xyz\tw");
  CHECK(xml_escape("a\uFFFEb\uFFFFc") == "abc");
  CHECK(xml_escape("네이버 😀") == "네이버 😀");
}

TEST_CASE("value format: xml_escape_text leaves quotes alone, as element content allows") {
  CHECK(xml_escape_text("[\"a&b\",'<c>']") == "[\"a&amp;b\",'&lt;c&gt;']");
  CHECK(xml_escape_text(std::string("x\x01y")) == "xy");
}

TEST_CASE("value format: other characters led by 0xEF stay, and the append forms add to what is there") {
  CHECK(xml_escape("ｅ\uFFFD\uFFFE끝") == "ｅ\uFFFD끝");  // U+FF45 and U+FFFD start with 0xEF too
  CHECK(xml_escape(std::string("\xEF\xBF")) == "\xEF\xBF");  // cut short: not U+FFFE, kept as it is
  std::string out = "<data>";
  append_xml_escape_text(out, "a<b \"c\"");
  append_json_array(out, {"x", "y\"z"});
  CHECK(out == "<data>a&lt;b \"c\"[\"x\",\"y\\\"z\"]");
}

TEST_CASE("value format: lists are JSON arrays with JSON escapes") {
  CHECK(json_array({}) == "[]");
  CHECK(json_array({"네이버", "a\"b", "c\\d"}) == "[\"네이버\",\"a\\\"b\",\"c\\\\d\"]");
}

TEST_CASE("value format: doubles read back exactly and always look like doubles") {
  CHECK(format_double(2) == "2.0");
  CHECK(format_double(0.5) == "0.5");
  CHECK(format_double(12345678) == "12345678.0");
  CHECK(format_double(1.0 / 3) == "0.3333333333333333");
  CHECK(format_double(1e300) == "1e+300");
}

TEST_CASE("value format: CSV fields are quoted only when needed, quotes doubled, line breaks flattened") {
  CHECK(csv_field("네이버") == "네이버");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines\r\n") == "two lines  ");
  CHECK(csv_field("[\"a\",\"b\"]") == "\"[\"\"a\"\",\"\"b\"\"]\"");
}

}  // namespace
}  // namespace relgraph
