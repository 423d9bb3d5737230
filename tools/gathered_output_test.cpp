#include "tools/gathered_output.h"

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

namespace relgraph {
namespace {

// A stream buffer that records each write it is asked for.
class RecordingBuffer : public std::streambuf {
 public:
  std::vector<std::string> writes;

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    writes.emplace_back(s, static_cast<std::size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) writes.emplace_back(1, traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
};

TEST_CASE("gathered output: small pieces become one write per chunk, in order, and flush writes the rest") {
  RecordingBuffer buffer;
  std::ostream out(&buffer);
  GatheredOutput gathered(out, 10);
  gathered.add("{\"a\"}\n");
  CHECK(buffer.writes.empty());
  gathered.add("{\"b\"}\n");  // 12 bytes: past the chunk
  REQUIRE(buffer.writes.size() == 1);
  CHECK(buffer.writes[0] == "{\"a\"}\n{\"b\"}\n");
  gathered.add("{\"c\"}\n");
  gathered.flush();
  REQUIRE(buffer.writes.size() == 2);
  CHECK(buffer.writes[1] == "{\"c\"}\n");
  gathered.flush();  // nothing gathered: no empty write
  CHECK(buffer.writes.size() == 2);
}

TEST_CASE("gathered output: what was gathered is written when extraction stops with an error") {
  RecordingBuffer buffer;
  std::ostream out(&buffer);
  try {
    GatheredOutput gathered(out);
    gathered.add("{\"before the error\"}\n");
    throw std::runtime_error("interrupted");
  } catch (const std::runtime_error&) {
  }
  REQUIRE(buffer.writes.size() == 1);
  CHECK(buffer.writes[0] == "{\"before the error\"}\n");
}

}  // namespace
}  // namespace relgraph
