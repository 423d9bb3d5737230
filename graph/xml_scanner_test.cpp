#include "graph/xml_scanner.h"

#include <doctest/doctest.h>

#include "extract/error.h"

namespace relgraph {
namespace {

// The events of a document, one line each: "<name a=v>", "</name>", "text".
std::vector<std::string> events(std::string_view xml) {
  XmlScanner scanner(xml, "t.xml");
  std::vector<std::string> out;
  while (scanner.next()) {
    switch (scanner.event()) {
      case XmlScanner::kStart: {
        std::string line = "<" + std::string(scanner.name());
        if (scanner.has_attribute("a")) line += " a=" + scanner.attribute("a");
        out.push_back(line + ">");
        break;
      }
      case XmlScanner::kEnd:
        out.push_back("</" + std::string(scanner.name()) + ">");
        break;
      case XmlScanner::kText: {
        std::string text;
        scanner.append_text(text);
        out.push_back(text);
        break;
      }
    }
  }
  return out;
}

std::string error_of(std::string_view xml) {
  try {
    events(xml);
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kBadData);
    return e.what();
  }
  return "no error";
}

using Events = std::vector<std::string>;

TEST_CASE("xml scanner: elements, attributes, text, self-closing elements") {
  CHECK(events("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r a='1'><x a=\"네이버\"/>글<y>z</y></r>\n") ==
        Events{"<r a=1>", "<x a=네이버>", "</x>", "글", "<y>", "z", "</y>", "</r>"});
}

TEST_CASE("xml scanner: references, CDATA, comments and processing instructions") {
  CHECK(events("<r a=\"&lt;&amp;&quot;&#xAC00;\">&apos;&#65;&gt;<!-- c --><?pi x?><![CDATA[<&>]]></r>") ==
        Events{"<r a=<&\"가>", "'A>", "<&>", "</r>"});
}

TEST_CASE("xml scanner: line ends become \\n in text and spaces in attribute values") {
  CHECK(events("<r a=\"x\ty\r\nz\">one\r\ntwo\rthree&#10;</r>") == Events{"<r a=x y z>", "one\ntwo\nthree\n", "</r>"});
}

TEST_CASE("xml scanner: a byte order mark and a DOCTYPE without declarations are accepted") {
  CHECK(events("\xEF\xBB\xBF<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"r.dtd\"><r/>") == Events{"<r>", "</r>"});
}

TEST_CASE("xml scanner: faults are reported with file, line, column and what is wrong") {
  CHECK(error_of("<r>\n  <a></b>\n</r>") == "t.xml:2:6: </b> where </a> was expected");
  CHECK(error_of("<r>\n<a>") == "t.xml:2:4: the file ends before <a> is closed");
  CHECK(error_of("<r a=1/>") == "t.xml:1:6: the value of a must be in quotes");
  CHECK(error_of("<r a=\"1\"b=\"2\"/>") == "t.xml:1:9: attributes must be separated by white space");
  CHECK(error_of("<r a=\"1\" a=\"2\"/>") == "t.xml:1:13: the attribute a twice");
  CHECK(error_of("<r>A & B</r>").starts_with("t.xml:1:6: \"& B...\" is no known entity reference"));
  CHECK(error_of("<r>&boom;</r>").starts_with("t.xml:1:4: \"&boom;\" is no known entity reference"));
  CHECK(error_of("<r>&#0;</r>").starts_with("t.xml:1:4:"));
  CHECK(error_of("<r a=\"<\"/>") == "t.xml:1:7: < inside an attribute value (write &lt;)");
  CHECK(error_of("<r/><s/>") == "t.xml:1:5: a second root element");
  CHECK(error_of("<r/>junk") == "t.xml:1:5: text outside the root element");
  CHECK(error_of("</r>") == "t.xml:1:1: </r> closes nothing");
  CHECK(error_of("") == "t.xml:1:1: no root element");
  CHECK(error_of("<r><!-- open</r>") == "t.xml:1:8: a comment that is never closed (-->)");
  CHECK(error_of("<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>") ==
        "t.xml:1:1: a DOCTYPE with declarations ([...]) is not supported: entities are never expanded");
  CHECK(error_of("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>") ==
        "t.xml:1:1: the file says it is iso-8859-1; only UTF-8 is supported (convert it, e.g. with iconv)");
  CHECK(error_of("\xFF\xFE<\0r\0/\0>\0") == "t.xml:1:1: UTF-16 is not supported; save the file as UTF-8");
}

TEST_CASE("xml scanner: columns count characters, not bytes") {
  CHECK(error_of("<r>네이버 & 카카오</r>").starts_with("t.xml:1:8:"));
}

TEST_CASE("xml scanner: skip_element passes over a whole subtree") {
  XmlScanner scanner("<r><skip><a><b/></a>text</skip><keep/></r>", "t.xml");
  REQUIRE(scanner.next());  // <r>
  REQUIRE(scanner.next());  // <skip>
  CHECK(scanner.name() == "skip");
  scanner.skip_element();
  REQUIRE(scanner.next());
  CHECK(scanner.event() == XmlScanner::kStart);
  CHECK(scanner.name() == "keep");
}

}  // namespace
}  // namespace relgraph
