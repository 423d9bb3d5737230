#include "bench/synthetic_graph.h"

#include <algorithm>
#include <random>
#include <string_view>
#include <unordered_set>

#include "graph/mix64.h"

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

std::string evidence_sentence(const char* pattern, const std::string& s, const std::string& o) {
  std::string out(pattern);
  out.replace(out.find("{s}"), 3, s);
  out.replace(out.find("{o}"), 3, o);
  return out;
}

// A small generator seeded per fact: a fact is the same every time it is
// drawn. (Seeding an mt19937_64 fills 312 words: too slow per mention.)
struct SplitMix64 {
  using result_type = std::uint64_t;
  std::uint64_t state;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return UINT64_MAX; }
  result_type operator()() { return mix64(state += 0x9E3779B97F4A7C15ULL); }
};

// A node of `type` among the first `count`: u^3 puts most picks on the
// first nodes of each type (hubs), the rest spread over a long tail.
template <typename Random>
std::size_t pick_index(Random& random, EntityType type, std::size_t count) {
  // type_of repeats every ten indices: ORG at 0-5, PERSON at 6-8, PRODUCT at 9.
  const std::size_t first = type == EntityType::kOrg ? 0 : type == EntityType::kPerson ? 6 : 9;
  const std::size_t width = type == EntityType::kOrg ? 6 : type == EntityType::kPerson ? 3 : 1;
  const std::size_t of_type = std::max<std::size_t>(1, count / 10 * width);
  const double u = std::uniform_real_distribution<double>(0, 1)(random);
  const auto k = std::min(of_type - 1, static_cast<std::size_t>(u * u * u * static_cast<double>(of_type)));
  return k / width * 10 + first + k % width;
}

template <typename Random>
const RelationShape& pick_shape(Random& random) {
  int total_weight = 0;
  for (const RelationShape& shape : kShapes) total_weight += shape.weight;
  int r = static_cast<int>(random() % static_cast<std::uint64_t>(total_weight));
  const RelationShape* shape = kShapes;
  while (r >= shape->weight) r -= (shape++)->weight;
  return *shape;
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

void synthetic_documents(const SyntheticDocumentsSpec& spec, const std::function<void(const DocumentResult&)>& sink) {
  std::mt19937_64 random(spec.seed);
  DocumentResult document;
  for (std::size_t made = 0, number = 0; made < spec.mentions; ++number) {
    document.doc_id = "news-" + std::to_string(number) + ".txt";
    document.date = date_of(random);
    document.sentences.clear();
    document.entities.clear();
    document.relations.clear();
    for (std::size_t i = 0; i < spec.per_document && made < spec.mentions; ++i, ++made) {
      // A fact from the pool, hubs and long tail again: news repeat facts.
      const double u = std::uniform_real_distribution<double>(0, 1)(random);
      SplitMix64 fact{spec.seed ^ static_cast<std::uint64_t>(u * u * u * static_cast<double>(spec.facts))};
      const RelationShape& shape = pick_shape(fact);
      const RelationSpec& rs = relation_specs()[static_cast<int>(shape.relation)];
      const std::size_t s = pick_index(fact, rs.subject, spec.entities);
      std::size_t o = pick_index(fact, rs.object, spec.entities);
      if (o == s) o = (o + 10) % (spec.entities / 10 * 10);
      const std::string subject = synthetic_label(s, spec.entities), object = synthetic_label(o, spec.entities);
      const std::size_t sentence = document.sentences.size();
      document.sentences.push_back({{0, 0}, evidence_sentence(shape.sentence, subject, object)});
      for (const auto& [name, type] : {std::pair{subject, rs.subject}, std::pair{object, rs.object}}) {
        EntityMention m;
        m.type = type;
        m.name = name;
        m.sentence = sentence;
        m.rule = "bench";
        document.entities.push_back(std::move(m));
      }
      RelationMention r;
      r.relation = shape.relation;
      r.subject = document.entities.size() - 2;
      r.object = document.entities.size() - 1;
      r.sentence = sentence;
      r.rule = shape.rule;
      document.relations.push_back(std::move(r));
    }
    sink(document);
  }
}

KnowledgeGraph synthetic_graph(const SyntheticGraphSpec& spec) {
  std::mt19937_64 random(spec.seed);
  auto owned = std::make_unique<Graph>();
  Graph& g = *owned;
  for (std::size_t i = 0; i < spec.nodes; ++i) {
    NodeProperties p;
    p.label = synthetic_label(i, spec.nodes);
    p.type = type_of(i);
    if (p.type == EntityType::kOrg && i % 7 == 0) p.aliases = {"Company" + std::to_string(i)};
    p.mentions = 1 + random() % 50;
    p.first_seen = date_of(random);
    p.last_seen = std::max(p.first_seen, date_of(random));
    boost::add_vertex(std::move(p), g);
  }

  std::unordered_set<std::uint64_t> seen;
  seen.reserve(spec.edges * 2);
  std::size_t made = 0, document = 0;
  while (made < spec.edges) {
    const RelationShape* shape = &pick_shape(random);
    const RelationSpec& rs = relation_specs()[static_cast<int>(shape->relation)];
    Node s = pick_index(random, rs.subject, spec.nodes), o = pick_index(random, rs.object, spec.nodes);
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
    p.evidence = evidence_sentence(shape->sentence, g[s].label, g[o].label);
    p.rule = shape->rule;
    p.first_seen = date_of(random);
    p.last_seen = std::max(p.first_seen, date_of(random));
    boost::add_edge(s, o, std::move(p), g);
    ++made;
  }
  return KnowledgeGraph(std::move(owned));
}

}  // namespace relgraph::bench
