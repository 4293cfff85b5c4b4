// The KKPKK planner (issue 17): checklist items as actions next to the rupiah actions, the pooled aspect scores in
// the program, verified plans within the limits, optimality against an exhaustive search on small instances, and
// the effort book's validation.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>

#include "interchange/json_reader.h"
#include "plan/effort.h"
#include "plan/optimize.h"
#include "plan/sensitivity.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

struct Case {
  Laporan laporan;
  Assessment assessment;
  const Rulebook* rulebook = nullptr;
  const ActionBook* book = nullptr;
  const EffortBook* effort = nullptr;
  Limits limits;
};

void Assess(Case* c) {
  Problems p;
  ASSERT_TRUE(Evaluate(c->laporan, *c->rulebook, EvaluateOptions{}, &c->assessment, &p)) << p.Render(Lang::kEn);
}

Case Load(const char* name) {
  Case c;
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LaporanJsonReader reader;
  Problems p;
  EXPECT_TRUE(reader.Read(text, &c.laporan, &p)) << p.Render(Lang::kEn);
  c.rulebook = EmbeddedRulebookById("kkpkk-2021", &p);
  c.book = EmbeddedActionBook(&p);
  c.effort = EmbeddedEffortBook("kkpkk-2021", &p);
  EXPECT_TRUE(p.empty()) << p.Render(Lang::kEn);
  c.limits = DefaultLimits(*c.book);
  Assess(&c);
  return c;
}

ChecklistAnswers* Answers(Laporan* laporan, const Component& c) {
  for (ChecklistAnswers& a : laporan->checklists) {
    if (a.set == c.answers_set && a.key == c.answers_key) return &a;
  }
  return nullptr;
}

// Applies a plan to the laporan independently of the planner, checking every step against its bounds, its
// one-year limit and the floors, and every checklist item against the answers filed and the effort book; the
// total after, exactly (-1 when the plan cannot be applied).
Fraction TotalAfter(const Case& c, const Plan& plan, const Limits& limits) {
  Laporan after = c.laporan;
  Problems p;
  for (const PlanStep& s : plan.steps) {
    if (const LimitUse* l = limits.ForAction(s.action->id)) {
      EXPECT_LE(s.amount_sen, ShareCap(*l, c.laporan.current)) << s.action->id << " exceeds its one-year limit";
    }
    EXPECT_TRUE(ApplyAction(*s.action, s.amount_sen, &after.current, &p)) << p.Render(Lang::kEn);
  }
  for (const LimitUse& l : limits.items) {
    if (l.IsFloor()) {
      EXPECT_TRUE(FloorKept(l, c.laporan.current, after.current)) << l.id << " crossed";
    }
  }
  for (const ChecklistStep& s : plan.checklist_steps) {
    const Component& comp = *c.assessment.components[s.component].spec;
    const ChecklistEffort* e = c.effort->Find(comp.id);
    EXPECT_EQ(s.effort, e) << comp.id;
    EXPECT_EQ(s.person_days, int64_t(s.items.size()) * e->person_days) << comp.id;
    ChecklistAnswers* answers = Answers(&after, comp);
    EXPECT_NE(answers, nullptr) << comp.id;
    if (answers == nullptr) return Fraction{-1, 1};
    for (const int i : s.items) {
      EXPECT_FALSE(answers->answers[size_t(i)]) << comp.id << " item " << i + 1 << " was already Ya (or listed twice)";
      EXPECT_EQ(std::count(e->fixed.begin(), e->fixed.end(), i + 1), 0) << comp.id << " item " << i + 1 << " is fixed";
      answers->answers[size_t(i)] = true;
    }
  }
  ApplyDefaults(&after.current);
  Assessment a;
  if (!Evaluate(after, *c.rulebook, EvaluateOptions{}, &a, &p)) return Fraction{-1, 1};
  EXPECT_EQ(a.total_e6, plan.result.total_e6);
  return a.exact_total;
}

bool AtLeast(const Fraction& total, int64_t target_e6) { return Compare(total, Fraction::Of(target_e6, 1'000'000)) >= 0; }

TEST(KkpkkEffort, TheEmbeddedBookFitsItsMethod) {
  const Case c = Load("ksp-contoh-kkpkk-2025.json");
  ASSERT_NE(c.effort, nullptr);
  Problems p;
  EXPECT_TRUE(CheckEffortBook(*c.effort, *c.rulebook, &p)) << p.Render(Lang::kEn);
  EXPECT_EQ(c.effort->day_value_sen, 250'000 * 100);
  EXPECT_GE(c.effort->checklists.size(), 25u);
  // The inherent-risk checklists are the cooperative's situation, not work.
  EXPECT_EQ(c.effort->Find("profil_risiko.kepatuhan_pelanggaran"), nullptr);
  EXPECT_EQ(EmbeddedEffortBook("ksp-2016", &p), nullptr);
}

TEST(KkpkkEffort, MalformedBooksAreRefusedNamingTheField) {
  const std::string head = "format = \"kopsehat/upaya-v1\"\nmetode = \"kkpkk-2021\"\nnilai_hari_orang = 250000\n"
                           "alasan = \"a\"\nalasan_en = \"b\"\n";
  const std::string good = "[[daftar_periksa]]\nkomponen = \"tata_kelola.pendidikan\"\nhari_orang = 3\n"
                           "upaya = \"x\"\nupaya_en = \"y\"\n";
  struct Bad {
    std::string text, expect;
  };
  const std::vector<Bad> cases = {
      {"format = \n", "TOML tidak sah"},
      {"format = \"kopsehat/upaya-v2\"\n" + head.substr(head.find('\n') + 1) + good, "kopsehat/upaya-v1"},
      {head, "[[daftar_periksa]]"},
      {head + good + good, "sudah ada"},
      {head + "[[daftar_periksa]]\nkomponen = \"tata_kelola.pendidikan\"\nhari_orang = 0\nupaya = \"x\"\nupaya_en = \"y\"\n",
       "hari_orang"},
      {head + "[[daftar_periksa]]\nkomponen = \"tata_kelola.pendidikan\"\nhari_orang = 400\nupaya = \"x\"\nupaya_en = \"y\"\n",
       "hari_orang"},
      {head + "[[daftar_periksa]]\nkomponen = \"tata_kelola.pendidikan\"\nhari_orang = \"3\"\nupaya = \"x\"\nupaya_en = \"y\"\n",
       "hari_orang"},
      {head + "[[daftar_periksa]]\nkomponen = \"tata_kelola.pendidikan\"\nhari_orang = 3\nupaya = \"x\"\n", "upaya_en"},
      {head + good + "butir_tetap = [1, 1]\n", "butir_tetap"},
      {head + good + "butir_tetap = [0]\n", "butir_tetap"},
      {head + good + "warna = \"biru\"\n", "warna"},
      {"format = \"kopsehat/upaya-v1\"\nmetode = \"kkpkk-2021\"\nnilai_hari_orang = -5\nalasan = \"a\"\nalasan_en = \"b\"\n" + good,
       "nilai_hari_orang"},
      {"format = \"kopsehat/upaya-v1\"\nnilai_hari_orang = 1\nalasan = \"a\"\nalasan_en = \"b\"\n" + good, "metode"},
  };
  for (const Bad& b : cases) {
    Problems p;
    EXPECT_EQ(LoadEffortBook(b.text, "u.toml", &p), nullptr) << b.text;
    EXPECT_NE(p.Render(Lang::kId).find(b.expect), std::string::npos) << b.expect << " in:\n" << p.Render(Lang::kId);
  }
  // Well-formed but not fitting the method: an unknown component, a ratio, an item beyond the list.
  Problems p;
  const Case c = Load("ksp-contoh-kkpkk-2025.json");
  for (const auto& [text, expect] : std::vector<std::pair<std::string, std::string>>{
           {"[[daftar_periksa]]\nkomponen = \"tata_kelola.tidak_ada\"\nhari_orang = 3\nupaya = \"x\"\nupaya_en = \"y\"\n",
            "tata_kelola.tidak_ada"},
           {"[[daftar_periksa]]\nkomponen = \"kinerja_keuangan.roa\"\nhari_orang = 3\nupaya = \"x\"\nupaya_en = \"y\"\n",
            "kinerja_keuangan.roa"},
           {good + "butir_tetap = [5]\n", "butir 5"}}) {
    Problems q;
    const auto book = LoadEffortBook(head + text, "u.toml", &q);
    ASSERT_NE(book, nullptr) << q.Render(Lang::kEn);
    EXPECT_FALSE(CheckEffortBook(*book, *c.rulebook, &q));
    EXPECT_NE(q.Render(Lang::kId).find(expect), std::string::npos) << q.Render(Lang::kId);
  }
  // Person-days as the web form or a limits file sets them.
  auto book = LoadEffortBook(head + good, "u.toml", &p);
  ASSERT_NE(book, nullptr);
  EXPECT_TRUE(SetPersonDays("tata_kelola.pendidikan", "5", book.get(), &p));
  EXPECT_TRUE(book->checklists[0].overridden);
  for (const char* bad : {"0", "366", "2.5", "", "x", "-1", "1000"}) {
    EXPECT_FALSE(SetPersonDays("tata_kelola.pendidikan", bad, book.get(), &p)) << bad;
  }
  EXPECT_FALSE(SetPersonDays("tata_kelola.kemandirian", "3", book.get(), &p));
  EXPECT_EQ(book->checklists[0].person_days, 5);
}

// A kopsehat/batas-v2 file: the limits as in v1, and [hari_orang] over the effort book; v1 refuses the table.
TEST(KkpkkEffort, PersonDaysFromALimitsFile) {
  const Case c = Load("ksp-maju-jaya-kkpkk-2025.json");
  const std::string v2 = "format = \"kopsehat/batas-v2\"\n[tagih_macet]\npersen = \"40\"\n[hari_orang]\n"
                         "\"tata_kelola.manajemen_likuiditas\" = 20\n\"tata_kelola.pendidikan\" = \"1\"\n";
  Limits limits = c.limits;
  Problems p;
  ASSERT_TRUE(ApplyLimitFile(v2, "b.toml", &limits, &p)) << p.Render(Lang::kEn);
  EXPECT_TRUE(limits.Find("tagih_macet")->overridden);
  EffortBook book = *c.effort;
  ASSERT_TRUE(ApplyPersonDaysFile(v2, "b.toml", &book, &p)) << p.Render(Lang::kEn);
  EXPECT_EQ(book.Find("tata_kelola.manajemen_likuiditas")->person_days, 20);
  EXPECT_TRUE(book.Find("tata_kelola.manajemen_likuiditas")->overridden);
  EXPECT_EQ(book.Find("tata_kelola.pendidikan")->person_days, 1);
  // Dearer liquidity work and cheaper training change the plan: it verifies and uses the new costs.
  const Plan plan = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, limits, 80'000'000, {},
                             &book);
  ASSERT_EQ(plan.status, Plan::Status::kVerified);
  for (const ChecklistStep& s : plan.checklist_steps) EXPECT_EQ(s.person_days, int64_t(s.items.size()) * s.effort->person_days);
  // v1 with [hari_orang]; bad entries, each named.
  Limits untouched = c.limits;
  EXPECT_FALSE(ApplyLimitFile("format = \"kopsehat/batas-v1\"\n[hari_orang]\n\"tata_kelola.pendidikan\" = 2\n", "b.toml",
                              &untouched, &p));
  EXPECT_NE(p.Render(Lang::kId).find("kopsehat/batas-v2"), std::string::npos);
  Problems q;
  EffortBook other = *c.effort;
  EXPECT_FALSE(ApplyPersonDaysFile("format = \"kopsehat/batas-v2\"\n[hari_orang]\n\"tata_kelola.x\" = 2\n"
                                   "\"tata_kelola.pendidikan\" = 0\n\"tata_kelola.kemandirian\" = 2.5\n",
                                   "b.toml", &other, &q));
  const std::string text = q.Render(Lang::kId);
  for (const char* want : {"hari_orang.tata_kelola.x", "hari_orang.tata_kelola.pendidikan", "hari_orang.tata_kelola.kemandirian"}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << " in " << text;
  }
  EXPECT_EQ(other.Find("tata_kelola.pendidikan")->person_days, c.effort->Find("tata_kelola.pendidikan")->person_days);
  Problems r;
  EXPECT_FALSE(ApplyPersonDaysFile("format = \"kopsehat/batas-v2\"\nhari_orang = 3\n", "b.toml", &other, &r));
}

// The troubled example reaches SEHAT with the default limits; the plan verifies when applied independently.
TEST(KkpkkPlan, TheTroubledExampleReachesSehatVerified) {
  const Case c = Load("ksp-maju-jaya-kkpkk-2025.json");
  ASSERT_LT(c.assessment.total_e6, 80'000'000);
  const Plan plan = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, c.limits, 80'000'000,
                             {}, c.effort);
  ASSERT_EQ(plan.status, Plan::Status::kVerified);
  EXPECT_FALSE(plan.checklist_steps.empty());
  EXPECT_TRUE(AtLeast(TotalAfter(c, plan, c.limits), 80'000'000));
  EXPECT_EQ(plan.result.Predikat().label, "SEHAT");
  int64_t days = 0;
  for (const ChecklistStep& s : plan.checklist_steps) days += s.person_days;
  EXPECT_EQ(days, plan.person_days);
  // Without checklist items (rupiah actions only) the plan must use money, or say it cannot.
  const Plan money = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, c.limits, 80'000'000,
                              {"tagih_macet", "hemat_beban_usaha", "naikkan_partisipasi"}, c.effort);
  EXPECT_TRUE(money.checklist_steps.empty());
  if (money.status == Plan::Status::kVerified) {
    EXPECT_TRUE(AtLeast(TotalAfter(c, money, c.limits), 80'000'000));
  }
}

// An unreachable target is explained per aspect: where each stands, what the best plan gives, what nothing moves.
TEST(KkpkkPlan, AnUnreachableTargetIsExplainedPerAspect) {
  const Case c = Load("ksp-maju-jaya-kkpkk-2025.json");
  const Plan plan = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, c.limits, 99'000'000,
                             {}, c.effort);
  ASSERT_EQ(plan.status, Plan::Status::kUnreachable);
  ASSERT_EQ(plan.aspects.size(), 4u);
  int64_t stuck = 0;
  for (const AspectOutlook& a : plan.aspects) {
    EXPECT_LE(a.now_e6, a.max_e6);
    stuck += a.stuck_e6;
  }
  EXPECT_GT(plan.aspects[1].stuck_e6, 0) << "the inherent-risk checklists of profil risiko are not work";
  EXPECT_GT(stuck, 0);
  ASSERT_TRUE(plan.has_result);
  EXPECT_GT(plan.result.total_e6, c.assessment.total_e6);
  TotalAfter(c, plan, c.limits);
}

// Small instances against an exhaustive search: three checklists (random answers, seeded) and one rupiah action on
// a grid of its limit. The solver's plan must verify and cost no more than the best combination found.
TEST(KkpkkPlan, NoCheaperPlanOnSmallInstancesThanAnExhaustiveSearch) {
  const Case base_case = Load("ksp-maju-jaya-kkpkk-2025.json");
  const std::vector<std::string> lists = {"tata_kelola.pendidikan", "tata_kelola.manajemen_likuiditas",
                                          "profil_risiko.kpmr_kredit_proses"};
  std::mt19937_64 rng(17);
  int compared = 0;
  for (int n = 0; n < 5; ++n) {
    Case c = base_case;
    // Random answers for the three lists; the rest all "Ya" so only these can move.
    std::vector<size_t> index;
    for (size_t k = 0; k < c.assessment.components.size(); ++k) {
      const Component& comp = *c.assessment.components[k].spec;
      if (comp.kind != ComponentKind::kChecklist) continue;
      ChecklistAnswers* a = Answers(&c.laporan, comp);
      ASSERT_NE(a, nullptr);
      const bool chosen = std::find(lists.begin(), lists.end(), comp.id) != lists.end();
      for (size_t i = 0; i < a->answers.size(); ++i) a->answers[i] = chosen ? rng() % 3 == 0 : true;
      if (chosen) index.push_back(k);
    }
    Assess(&c);
    const Action* action = c.book->Find("hemat_beban_usaha");
    ASSERT_NE(action, nullptr);
    const Sen cap = ShareCap(*c.limits.ForAction(action->id), c.laporan.current);
    for (const int64_t step : {400'000, 900'000, 1'500'000}) {
      const int64_t target = c.assessment.total_e6 + step;
      const Plan plan = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, c.limits, target,
                                 {"daftar_periksa", action->id}, c.effort);
      // Exhaustive: every count of "Tidak" items per list (the first ones: all items of a list cost the same) and
      // the action on a grid of 20 steps of its cap.
      i128 best = -1;
      std::vector<std::vector<int>> open(3);
      for (size_t l = 0; l < 3; ++l) {
        const ComponentResult& r = c.assessment.components[index[l]];
        for (int i = 0; i < r.items; ++i) {
          if (!r.answers[size_t(i)]) open[l].push_back(i);
        }
      }
      for (size_t a0 = 0; a0 <= open[0].size(); ++a0) {
        for (size_t a1 = 0; a1 <= open[1].size(); ++a1) {
          for (size_t a2 = 0; a2 <= open[2].size(); ++a2) {
            for (int g = 0; g <= 20; ++g) {
              Laporan trial = c.laporan;
              const size_t counts[3] = {a0, a1, a2};
              i128 cost = 0;
              for (size_t l = 0; l < 3; ++l) {
                const Component& comp = *c.assessment.components[index[l]].spec;
                ChecklistAnswers* ans = Answers(&trial, comp);
                for (size_t i = 0; i < counts[l]; ++i) ans->answers[size_t(open[l][i])] = true;
                cost += i128(counts[l]) * c.effort->Find(comp.id)->person_days * c.effort->day_value_sen * 1'000'000;
              }
              const Sen amount = cap / 20 * g / 100 * 100;
              Problems p;
              if (amount > 0 && !ApplyAction(*action, amount, &trial.current, &p)) continue;
              cost += i128(amount) * action->cost_e6;
              if (best >= 0 && cost >= best) continue;
              ApplyDefaults(&trial.current);
              Assessment a;
              if (!Evaluate(trial, *c.rulebook, EvaluateOptions{}, &a, &p)) continue;
              if (ReachesTarget(a, target)) best = cost;
            }
          }
        }
      }
      if (best < 0) {
        if (plan.status == Plan::Status::kVerified) {
          EXPECT_TRUE(AtLeast(TotalAfter(c, plan, c.limits), target));
        }
        continue;
      }
      ASSERT_EQ(plan.status, Plan::Status::kVerified) << "case " << n << " target " << target;
      EXPECT_TRUE(AtLeast(TotalAfter(c, plan, c.limits), target));
      const i128 slack = i128(100) * 1'000'000 * 4;  // rounding up to the rupiah
      EXPECT_LE(plan.weighted_cost, best + slack) << "case " << n << " target " << target;
      ++compared;
    }
  }
  EXPECT_GE(compared, 6) << "the exhaustive search should find plans to compare with";
}

// Generated cooperatives (random answers, statement lines scaled by seeded factors): every plan's steps stay
// within their limits, kas + bank stays at or above the floor, and the plan re-assesses to what it claims.
TEST(KkpkkPlan, GeneratedCooperativesKeepEveryLimit) {
  const Case base_case = Load("ksp-maju-jaya-kkpkk-2025.json");
  std::mt19937_64 rng(2026);
  int plans = 0;
  for (int n = 0; n < 4; ++n) {
    Case c = base_case;
    for (ChecklistAnswers& a : c.laporan.checklists) {
      for (size_t i = 0; i < a.answers.size(); ++i) a.answers[i] = rng() % 2 == 0;
    }
    Statements& s = c.laporan.current;
    for (const char* line : {"neraca.kas", "neraca.bank", "pinjaman.macet", "hasil_usaha.beban_usaha"}) {
      s.sen[size_t(line::Index(line))] = s.Get(line::Index(line)) / 100 * Sen(50 + rng() % 100);
    }
    // Rebalance through SHU not yet distributed.
    i128 diff = 0;
    for (int i = 0; i < kLineCount; ++i) {
      const BalanceSide side = kLines[size_t(i)].side;
      if (side == BalanceSide::kAset) diff += s.Get(i);
      if (side == BalanceSide::kAsetPengurang || side == BalanceSide::kKewajiban || side == BalanceSide::kEkuitas) {
        diff -= s.Get(i);
      }
    }
    s.sen[size_t(line::Index("neraca.shu_belum_dibagi"))] += Sen(diff);
    s.sen[size_t(line::Index("pinjaman.macet"))] =
        std::min(s.Get(line::Index("pinjaman.macet")), s.Get(line::Index("neraca.pinjaman_anggota")));
    ApplyDefaults(&s);
    Assess(&c);
    for (const int64_t target : {c.assessment.total_e6 + 3'000'000, int64_t(80'000'000)}) {
      const Plan plan = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, c.limits, target,
                                 {}, c.effort);
      if (!plan.has_result || plan.status == Plan::Status::kAlreadyThere) continue;
      ++plans;
      const Fraction total = TotalAfter(c, plan, c.limits);
      if (plan.status == Plan::Status::kVerified) {
        EXPECT_TRUE(AtLeast(total, target)) << "case " << n;
      }
    }
  }
  EXPECT_GE(plans, 4);
}

// What-if offers the fewest workable items that lift a checklist one band, verified.
TEST(KkpkkPlan, WhatifOffersTheFewestItemsThatLiftAChecklist) {
  const Case c = Load("ksp-maju-jaya-kkpkk-2025.json");
  const auto levers = FindLevers(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, c.limits, c.effort);
  int checklist_levers = 0;
  for (const ComponentLevers& cl : levers) {
    const ComponentResult& r = c.assessment.components[cl.component];
    for (const Lever& l : cl.levers) {
      if (l.action != nullptr) continue;
      ++checklist_levers;
      EXPECT_LT(l.nilai_after_e2, r.nilai_e2) << r.spec->id;
      EXPECT_GT(l.total_gain_e6, 0) << r.spec->id;
      // One item fewer would not do: the band needs exactly this many.
      const Fraction share_before_last = Fraction::Of(i128(r.yes + int(l.items.size()) - 1) * 100, r.items);
      int64_t nilai_without = -1;
      for (const Band& b : r.spec->bands) {
        if (b.range.Contains(share_before_last)) nilai_without = b.nilai_e2;
      }
      EXPECT_EQ(nilai_without, r.nilai_e2) << r.spec->id;
    }
  }
  EXPECT_GE(checklist_levers, 10);
}

}  // namespace
}  // namespace kopsehat
