// Improvement actions and the smallest steps that lift a component (issue 7, first part).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "interchange/json_reader.h"
#include "plan/limits.h"
#include "plan/sensitivity.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

struct Example {
  Laporan laporan;
  Assessment assessment;
  const Rulebook* rulebook = nullptr;
};

Example LoadExample() {
  Example e;
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/ksp-sejahtera-bersama-2025.json", std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LaporanJsonReader reader;
  Problems p;
  EXPECT_TRUE(reader.Read(text, &e.laporan, &p)) << p.Render(Lang::kId);
  e.rulebook = EmbeddedRulebookById("ksp-2016", &p);
  EXPECT_TRUE(Evaluate(e.laporan, *e.rulebook, EvaluateOptions{}, &e.assessment, &p)) << p.Render(Lang::kId);
  return e;
}

i128 Balance(const Statements& s) {
  i128 d = 0;
  for (int i = 0; i < kLineCount; ++i) {
    switch (kLines[size_t(i)].side) {
      case BalanceSide::kAset: d += s.Get(i); break;
      case BalanceSide::kAsetPengurang: d -= s.Get(i); break;
      case BalanceSide::kKewajiban:
      case BalanceSide::kEkuitas: d -= s.Get(i); break;
      case BalanceSide::kNone: break;
    }
  }
  return d;
}

TEST(PlanActions, EmbeddedBookLoadsAndEveryActionKeepsTheBalance) {
  Problems p;
  const ActionBook* book = EmbeddedActionBook(&p);
  ASSERT_NE(book, nullptr) << p.Render(Lang::kId);
  EXPECT_GE(book->actions.size(), 10u);
  // Statements where every line is Rp 10.000.000 and that balance (the example has no dana_yang_diterima to
  // repay, for instance); then every action can run and must keep the balance.
  Statements base;
  for (int i = 0; i < kLineCount; ++i) base.sen[size_t(i)] = 10'000'000'00;
  base.sen[size_t(line::Index("hasil_usaha.biaya_karyawan"))] = 1'000'000'00;  // room to cut other expenses
  base.sen[size_t(line::Index("neraca.kas"))] -= Sen(Balance(base));  // assets up to liabilities + equity
  ASSERT_EQ(Balance(base), 0);
  for (const Action& a : book->actions) {
    Statements s = base;
    const Sen amount = std::min<Sen>(MaxAmount(a, s), 1'000'000'00);
    ASSERT_GT(amount, 0) << a.id;  // every action can run on these statements
    ASSERT_TRUE(ApplyAction(a, amount, &s, &p)) << a.id << p.Render(Lang::kId);
    EXPECT_EQ(Balance(s), 0) << a.id << " unbalanced the example";
  }
}

TEST(PlanActions, BoundsAreEnforced) {
  Problems p;
  const ActionBook* book = EmbeddedActionBook(&p);
  ASSERT_NE(book, nullptr);
  const Action* collect = book->Find("tagih_macet");
  ASSERT_NE(collect, nullptr);
  const Example e = LoadExample();
  Statements s = e.laporan.current;
  // macet is Rp 17.900.000 in the example: the whole of it can be collected, one sen more cannot.
  EXPECT_EQ(MaxAmount(*collect, s), 17'900'000'00);
  EXPECT_FALSE(ApplyAction(*collect, 17'900'000'01, &s, &p));
  EXPECT_EQ(s.Get(line::Index("pinjaman.macet")), 17'900'000'00) << "a refused action changes nothing";
  EXPECT_TRUE(ApplyAction(*collect, 17'900'000'00, &s, &p));
  EXPECT_EQ(s.Get(line::Index("pinjaman.macet")), 0);
  EXPECT_EQ(s.Get(line::Index("neraca.kas")), (42'350'000 + 17'900'000) * Sen(100));
}

TEST(PlanActions, UnbalancedOrUnknownActionsAreRefused) {
  const char* unbalanced = R"(format = "kopsehat/aksi-v1"
[[aksi]]
id = "x"
nama = "X"
biaya = 1
perubahan = { "neraca.kas" = 1 }
batas = ["neraca.kas"]
)";
  Problems p;
  EXPECT_EQ(LoadActionBook(unbalanced, "uji.toml", &p), nullptr);
  ASSERT_FALSE(p.empty());
  EXPECT_NE(p.items()[0].pesan.find("tidak seimbang"), std::string::npos) << p.Render(Lang::kId);
  const char* unknown = R"(format = "kopsehat/aksi-v1"
[[aksi]]
id = "x"
nama = "X"
biaya = 1
perubahan = { "neraca.kass" = 1, "neraca.tabungan" = 1 }
batas = ["neraca.kas"]
)";
  Problems q;
  EXPECT_EQ(LoadActionBook(unknown, "uji.toml", &q), nullptr);
  EXPECT_FALSE(q.empty());
}

// Every lever: re-applying it and assessing gives the promised nilai and total change, and one rupiah less does not
// reach the band (so the amount is the smallest whole-rupiah amount, up to the verification step of 1 rupiah).
TEST(PlanSensitivity, LeversVerifyAndAreMinimal) {
  const Example e = LoadExample();
  Problems p;
  const ActionBook* book = EmbeddedActionBook(&p);
  ASSERT_NE(book, nullptr);
  const auto all = FindLevers(e.laporan, *e.rulebook, EvaluateOptions{}, e.assessment, *book, Limits{});
  ASSERT_FALSE(all.empty());
  size_t checked = 0;
  for (const ComponentLevers& cl : all) {
    const ComponentResult& before = e.assessment.components[cl.component];
    for (const Lever& l : cl.levers) {
      EXPECT_EQ(l.amount_sen % 100, 0) << "whole rupiah";
      for (const Sen amount : {l.amount_sen, l.amount_sen - 100}) {
        Laporan changed = e.laporan;
        ASSERT_TRUE(ApplyAction(*l.action, amount, &changed.current, &p));
        ApplyDefaults(&changed.current);
        Assessment after;
        ASSERT_TRUE(Evaluate(changed, *e.rulebook, EvaluateOptions{}, &after, &p));
        const int64_t nilai = after.components[cl.component].nilai_e2;
        if (amount == l.amount_sen) {
          EXPECT_EQ(nilai, l.nilai_after_e2);
          EXPECT_GT(nilai, before.nilai_e2) << l.action->id;
          EXPECT_EQ(after.total_e6 - e.assessment.total_e6, l.total_gain_e6);
        } else {
          EXPECT_LE(nilai, before.nilai_e2) << l.action->id << " on " << before.spec->id
                                            << ": one rupiah less already lifts the band";
        }
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 4u);
}

// The example's largest loss (own capital / total assets at 32,25 %, next band at 40 %): members paying in x of
// compulsory savings raises both sides by x, so (746.080.000,50 + x) / (2.313.250.000,50 + x) >= 40 % needs
// x >= (0.4 × 2.313.250.000,50 − 746.080.000,50) / 0.6 = 298.699.999,83…, i.e. Rp 298.700.000 in whole rupiah.
TEST(PlanSensitivity, HandCheckedAmountForTheBiggestLoss) {
  const Example e = LoadExample();
  Problems p;
  const ActionBook* book = EmbeddedActionBook(&p);
  ASSERT_NE(book, nullptr);
  const auto all = FindLevers(e.laporan, *e.rulebook, EvaluateOptions{}, e.assessment, *book, Limits{});
  bool found = false;
  for (const ComponentLevers& cl : all) {
    if (e.assessment.components[cl.component].spec->id != "permodalan.modal_sendiri_total_aset") continue;
    for (const Lever& l : cl.levers) {
      if (l.action->id != "setor_simpanan_wajib") continue;
      found = true;
      EXPECT_EQ(l.amount_sen, 298'700'000'00);
      EXPECT_EQ(l.nilai_after_e2, 10000);
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// Issue 17: within the default limits, every lever is marked when it goes beyond one, and the levers of a component
// are ordered by points gained per weighted rupiah, exactly.
TEST(PlanSensitivity, LeversKnowTheirLimitsAndComeInPointsPerRupiahOrder) {
  const Example e = LoadExample();
  Problems p;
  const ActionBook* book = EmbeddedActionBook(&p);
  ASSERT_NE(book, nullptr);
  const Limits limits = DefaultLimits(*book);
  const auto all = FindLevers(e.laporan, *e.rulebook, EvaluateOptions{}, e.assessment, *book, limits);
  ASSERT_FALSE(all.empty());
  bool beyond_seen = false;
  for (const ComponentLevers& cl : all) {
    for (size_t k = 0; k < cl.levers.size(); ++k) {
      const Lever& l = cl.levers[k];
      if (const LimitUse* share = limits.ForAction(l.action->id)) {
        EXPECT_EQ(l.cap_sen, ShareCap(*share, e.laporan.current));
        if (l.amount_sen > l.cap_sen) {
          EXPECT_EQ(l.beyond, share) << l.action->id;
        }
      }
      beyond_seen = beyond_seen || l.beyond != nullptr;
      if (k == 0) continue;
      const Lever& prev = cl.levers[k - 1];
      // prev.gain / prev.cost >= l.gain / l.cost, cross-multiplied (all costs here are positive).
      ASSERT_GT(prev.weighted_cost, 0);
      EXPECT_GE(i128(prev.total_gain_e6) * l.weighted_cost, i128(l.total_gain_e6) * prev.weighted_cost)
          << prev.action->id << " before " << l.action->id;
    }
  }
  // Raising compulsory savings by Rp 298.700.000 (HandCheckedAmountForTheBiggestLoss) is far beyond 15 %.
  EXPECT_TRUE(beyond_seen);
}

TEST(PlanLimits, PercentagesAreExactAndCapsRoundDown) {
  Decimal d;
  EXPECT_TRUE(ParseLimitPercent("12,5", &d));
  EXPECT_EQ(PlainLimitPercent(d), "12.5");
  EXPECT_FALSE(ParseLimitPercent("100.00001", &d));
  EXPECT_FALSE(ParseLimitPercent("-1", &d));
  EXPECT_FALSE(ParseLimitPercent("1e2", &d));
  Problems p;
  const ActionBook* book = EmbeddedActionBook(&p);
  ASSERT_NE(book, nullptr);
  EXPECT_EQ(book->format, "kopsehat/aksi-v2");
  for (const Action& a : book->actions) {
    if (a.id == "kas_ke_pinjaman" || a.id == "lunasi_dana_diterima") continue;  // held by the cash floor instead
    EXPECT_TRUE(a.yearly.has_value()) << a.id << " needs a default one-year limit";
  }
  Limits limits = DefaultLimits(*book);
  Statements s;
  s.sen[size_t(line::Index("pinjaman.macet"))] = 88'900'003'33;  // 25 % = 22.225.000,83 → Rp 22.225.000
  EXPECT_EQ(ShareCap(*limits.ForAction("tagih_macet"), s), 22'225'000'00);
  EXPECT_TRUE(SetLimit("tagih_macet", "40 %", &limits, &p));
  EXPECT_TRUE(limits.ForAction("tagih_macet")->overridden);
  EXPECT_EQ(ShareCap(*limits.ForAction("tagih_macet"), s), 35'560'001'00);
  EXPECT_FALSE(SetLimit("tagih_macet", "empat puluh", &limits, &p));
  EXPECT_FALSE(SetLimit("terbang", "10", &limits, &p));
  // An aksi-v1 book still loads, without limits.
  const char* v1 = R"(format = "kopsehat/aksi-v1"
[[aksi]]
id = "x"
nama = "X"
biaya = 1
perubahan = { "neraca.kas" = 1, "neraca.simpanan_wajib" = 1 }
batas = ["neraca.simpanan_wajib"]
)";
  Problems q;
  const auto old = LoadActionBook(v1, "lama.toml", &q);
  ASSERT_NE(old, nullptr) << q.Render(Lang::kId);
  EXPECT_TRUE(DefaultLimits(*old).items.empty());
}

}  // namespace
}  // namespace kopsehat
