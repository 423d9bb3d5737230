#include "extract/placeholder.h"

#include <doctest/doctest.h>

namespace relgraph {

TEST_CASE("placeholder: either bracket anywhere is a placeholder's, other characters sharing their bytes are not") {
  CHECK(contains_placeholder("⟦ORG#0⟧는"));
  CHECK(contains_placeholder("앞 ⟦"));
  CHECK(contains_placeholder("⟧ 뒤"));
  CHECK(contains_placeholder("…⟧"));  // after another character starting with E2
  CHECK_FALSE(contains_placeholder(""));
  CHECK_FALSE(contains_placeholder("해솔전자는 웃었다"));
  CHECK_FALSE(contains_placeholder("⟨ ⟩ ⟪ ⟫ …"));  // E2 9F A8, A9, AA, AB and E2 80 A6
  CHECK_FALSE(contains_placeholder("끝 \xE2\x9F"));  // cut short
}

TEST_CASE("placeholder: find_placeholders reads type and index of each, left to right") {
  const auto refs = find_placeholders("⟦ORG#0⟧와 ⟦PERSON#12⟧");
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].type == EntityType::kOrg);
  CHECK(refs[0].index == 0);
  CHECK(refs[1].type == EntityType::kPerson);
  CHECK(refs[1].index == 12);
  CHECK(refs[1].begin == std::string_view("⟦ORG#0⟧와 ").size());
}

}  // namespace relgraph
