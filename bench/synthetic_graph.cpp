#include "bench/synthetic_graph.h"

#include <algorithm>
#include <random>
#include <string_view>
#include <unordered_set>

namespace relgraph::bench {

namespace {

constexpr std::string_view kSyllables[] = {
    "가", "나", "다", "라", "마", "바", "사", "아", "자", "차", "카", "타", "파", "하", "강", "누",
    "도", "루", "모", "보", "소", "오", "조", "초", "코", "토", "포", "호", "한", "빛", "솔", "별",
    "온", "윤", "진", "현", "민", "서", "준", "우", "지", "은", "연", "수", "영", "재", "희", "경",
    "림", "새", "들", "늘", "결", "슬", "담", "든", "람", "결", "곰", "숲", "봄", "달"};
constexpr std::size_t kSyllableCount = std::size(kSyllables);
constexpr std::string_view kSurnames[] = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임",
                                           "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"};
constexpr std::string_view kOrgSuffixes[] = {"전자", "테크", "소프트", "랩스", "바이오", "모빌리티", "클라우드", "반도체"};
constexpr std::string_view kProductSuffixes[] = {"OS", "폰", "AI", "클라우드", "칩", "페이"};

// The entity type of node `index`: 6 in 10 ORG, 3 PERSON, 1 PRODUCT.
EntityType type_of(std::size_t index) {
  const std::size_t r = index % 10;
  return r < 6 ? EntityType::kOrg : r < 9 ? EntityType::kPerson : EntityType::kProduct;
}

// Distinct syllables for distinct numbers: `n` written in base kSyllableCount.
std::string syllables_of(std::size_t n, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += kSyllables[n % kSyllableCount];
    n /= kSyllableCount;
  }
  return out;
}

std::string date_of(std::mt19937_64& random) {
  std::uniform_int_distribution<int> year(2023, 2025), month(1, 12), day(1, 28);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year(random), month(random), day(random));
  return buffer;
}

struct RelationShape {
  Relation relation;
  const char* rule;
  const char* sentence;  // {s} and {o} stand for the two names
  int weight;            // how often it occurs, relatively
};

constexpr RelationShape kShapes[] = {
    {Relation::kPartnersWith, "partners.with", "{s}는 {o}와 인공지능 분야에서 전략적 업무협약을 맺고 공동 연구와 사업화를 추진한다고 밝혔다.", 25},
    {Relation::kWorksFor, "works_for.apposition", "{s} {o} 대표는 이날 기자간담회에서 내년 사업 계획과 투자 방향을 설명했다.", 20},
    {Relation::kHires, "hires.active", "{s}는 {o} 전 부사장을 신임 최고기술책임자로 영입했다고 밝혔다.", 10},
    {Relation::kInvestsIn, "invests.in", "{s}는 {o}에 300억 원을 투자해 지분 15%를 확보했다고 공시했다.", 10},
    {Relation::kDevelops, "develops.made", "{s}가 자체 개발한 {o}는 다음 달 정식 출시될 예정이다.", 10},
    {Relation::kCompetesWith, "competes.rival", "{s}는 국내 시장에서 {o}와 치열한 점유율 경쟁을 벌이고 있다.", 8},
    {Relation::kFormerlyWorkedFor, "formerly.ex", "{s} 신임 대표는 {o}에서 20년간 근무한 반도체 전문가다.", 6},
    {Relation::kAcquires, "acquires.bought", "{s}가 {o}를 1200억 원에 인수하며 사업 영역을 넓혔다.", 4},
    {Relation::kSubsidiaryOf, "subsidiary.of", "{o}의 자회사인 {s}는 올해 매출 목표를 상향 조정했다.", 3},
    {Relation::kContractsWith, "contracts.with", "{s}는 {o}와 500억 원 규모의 공급 계약을 체결했다고 밝혔다.", 2},
    {Relation::kMemberOf, "member.joined", "{s}는 {o}에 정회원으로 가입해 표준화 논의에 참여한다.", 1},
    {Relation::kFounded, "founded.by", "{s}는 2015년 {o}를 공동 창업한 뒤 회사를 이끌어 왔다.", 1},
};

std::string sentence(const char* pattern, const std::string& s, const std::string& o) {
  std::string out(pattern);
  out.replace(out.find("{s}"), 3, s);
  out.replace(out.find("{o}"), 3, o);
  return out;
}

}  // namespace

std::string synthetic_label(std::size_t index, std::size_t nodes) {
  (void)nodes;
  switch (type_of(index)) {
    case EntityType::kOrg:
      return syllables_of(index, 3) + std::string(kOrgSuffixes[index % std::size(kOrgSuffixes)]);
    case EntityType::kPerson:
      return std::string(kSurnames[index % std::size(kSurnames)]) + syllables_of(index / std::size(kSurnames), 3);
    case EntityType::kProduct:
      return syllables_of(index, 3) + std::string(kProductSuffixes[index % std::size(kProductSuffixes)]);
  }
  return {};
}

KnowledgeGraph synthetic_graph(const SyntheticGraphSpec& spec) {
  std::mt19937_64 random(spec.seed);
  Graph g;
  std::vector<std::vector<Node>> by_type(3);
  for (std::size_t i = 0; i < spec.nodes; ++i) {
    NodeProperties p;
    p.label = synthetic_label(i, spec.nodes);
    p.type = type_of(i);
    if (p.type == EntityType::kOrg && i % 7 == 0) p.aliases = {"Company" + std::to_string(i)};
    p.mentions = 1 + random() % 50;
    p.first_seen = date_of(random);
    p.last_seen = std::max(p.first_seen, date_of(random));
    by_type[static_cast<int>(p.type)].push_back(boost::add_vertex(std::move(p), g));
  }

  // Hubs and a long tail: u^3 puts most picks on the first nodes of each type.
  auto pick = [&](EntityType type) {
    const auto& nodes = by_type[static_cast<int>(type)];
    const double u = std::uniform_real_distribution<double>(0, 1)(random);
    return nodes[std::min(nodes.size() - 1, static_cast<std::size_t>(u * u * u * nodes.size()))];
  };
  int total_weight = 0;
  for (const RelationShape& shape : kShapes) total_weight += shape.weight;

  std::unordered_set<std::uint64_t> seen;
  seen.reserve(spec.edges * 2);
  std::size_t made = 0, document = 0;
  while (made < spec.edges) {
    int r = static_cast<int>(random() % total_weight);
    const RelationShape* shape = kShapes;
    while (r >= shape->weight) r -= (shape++)->weight;
    const RelationSpec& rs = relation_specs()[static_cast<int>(shape->relation)];
    Node s = pick(rs.subject), o = pick(rs.object);
    if (s == o) continue;
    if (rs.symmetric && g[o].label < g[s].label) std::swap(s, o);
    const std::uint64_t key = (static_cast<std::uint64_t>(s) << 36) ^ (static_cast<std::uint64_t>(o) << 4) ^
                              static_cast<std::uint64_t>(shape->relation);
    if (!seen.insert(key).second) continue;
    EdgeProperties p;
    p.relation = shape->relation;
    const std::size_t docs = 1 + random() % 3;
    for (std::size_t d = 0; d < docs; ++d) p.docs.push_back("news-" + std::to_string(document++ % 400'000) + ".txt");
    std::sort(p.docs.begin(), p.docs.end());
    p.docs.erase(std::unique(p.docs.begin(), p.docs.end()), p.docs.end());
    p.mentions = p.docs.size() + random() % 3;
    p.evidence = sentence(shape->sentence, g[s].label, g[o].label);
    p.rule = shape->rule;
    p.first_seen = date_of(random);
    p.last_seen = std::max(p.first_seen, date_of(random));
    boost::add_edge(s, o, std::move(p), g);
    ++made;
  }
  return KnowledgeGraph(std::move(g));
}

}  // namespace relgraph::bench
