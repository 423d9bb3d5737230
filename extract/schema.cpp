#include "extract/schema.h"

namespace relgraph {

namespace {

constexpr auto ORG = EntityType::kOrg;
constexpr auto PERSON = EntityType::kPerson;
constexpr auto PRODUCT = EntityType::kProduct;

constexpr std::array<RelationSpec, 13> kRelations = {{
    {Relation::kHires, "hires", ORG, PERSON, false},
    {Relation::kWorksFor, "works_for", PERSON, ORG, false},
    {Relation::kFormerlyWorkedFor, "formerly_worked_for", PERSON, ORG, false},
    {Relation::kPartnersWith, "partners_with", ORG, ORG, true},
    {Relation::kInvestsIn, "invests_in", ORG, ORG, false},
    {Relation::kAcquires, "acquires", ORG, ORG, false},
    {Relation::kSubsidiaryOf, "subsidiary_of", ORG, ORG, false},
    {Relation::kContractsWith, "contracts_with", ORG, ORG, false},
    {Relation::kDevelops, "develops", ORG, PRODUCT, false},
    {Relation::kCompetesWith, "competes_with", ORG, ORG, true},
    {Relation::kRenamedTo, "renamed_to", ORG, ORG, false},
    {Relation::kMemberOf, "member_of", ORG, ORG, false},
    {Relation::kFounded, "founded", ORG, ORG, false},
}};

}  // namespace

std::string_view name(EntityType type) {
  switch (type) {
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kProduct:
      return "PRODUCT";
  }
  return "ORG";
}

std::optional<EntityType> parse_entity_type(std::string_view text) {
  for (const EntityType type : kEntityTypes) {
    if (name(type) == text) return type;
  }
  return std::nullopt;
}

const std::array<RelationSpec, 13>& relation_specs() { return kRelations; }

const RelationSpec& spec(Relation relation) { return kRelations[static_cast<std::size_t>(relation)]; }

std::optional<Relation> parse_relation(std::string_view text) {
  for (const RelationSpec& s : kRelations) {
    if (s.name == text) return s.relation;
  }
  return std::nullopt;
}

}  // namespace relgraph
