// The contract of ../shared/RELATIONS.md in code: the three entity types and
// the thirteen relations with their direction, signature and symmetry.
//
// Names are stable: rule files, JSON Lines output, gold files and graph files
// all use the strings returned by name().
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace relgraph {

enum class EntityType : std::uint8_t { kOrg, kPerson, kProduct };

inline constexpr std::array<EntityType, 3> kEntityTypes = {EntityType::kOrg, EntityType::kPerson,
                                                           EntityType::kProduct};

// "ORG", "PERSON", "PRODUCT".
std::string_view name(EntityType type);
std::optional<EntityType> parse_entity_type(std::string_view text);

enum class Relation : std::uint8_t {
  kHires,
  kWorksFor,
  kFormerlyWorkedFor,
  kPartnersWith,
  kInvestsIn,
  kAcquires,
  kSubsidiaryOf,
  kContractsWith,
  kDevelops,
  kCompetesWith,
  kRenamedTo,
  kMemberOf,
  kFounded,
};

struct RelationSpec {
  Relation relation;
  std::string_view name;  // "hires", "works_for", ...
  EntityType subject;
  EntityType object;
  bool symmetric;  // (A, B) and (B, A) are the same fact
};

// All thirteen relations, in the order of RELATIONS.md.
const std::array<RelationSpec, 13>& relation_specs();

const RelationSpec& spec(Relation relation);
inline std::string_view name(Relation relation) { return spec(relation).name; }
inline bool is_symmetric(Relation relation) { return spec(relation).symmetric; }
std::optional<Relation> parse_relation(std::string_view text);

}  // namespace relgraph
