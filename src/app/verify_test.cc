// app/verify_test.cc — the verification code of a stored result: current, superseded, not final and unknown codes,
// and a result whose figures or status were altered no longer verifies. SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "app/test_app.h"

namespace kopsehat::app::testing {
namespace {

class VerifyTest : public AppTest {
 protected:
  Verification Check(const std::string& code) {
    Verification v;
    const Outcome o = app_->Verify(code, &v);
    EXPECT_TRUE(o.ok()) << o.problems.Render(Lang::kEn);
    return v;
  }
  store::LaporanRecord Record(int64_t id) {
    LaporanView v;
    EXPECT_TRUE(app_->ViewLaporan(As("dinasA"), id, &v).ok());
    return v.record;
  }
};
KOPSEHAT_INSTANTIATE_BACKENDS(VerifyTest);

using V = Verification::Verdict;

TEST_P(VerifyTest, TheCodeSaysWhetherAReportIsTheFinalOneOnRecord) {
  if (!database_ready()) return;
  const int64_t id = Final("A");
  const store::LaporanRecord rec = Record(id);
  const std::string code = VerifyCode(rec);
  EXPECT_EQ(code.rfind("L" + std::to_string(id) + "-R1-", 0), 0u) << code;
  EXPECT_EQ(code.size(), ("L" + std::to_string(id) + "-R1-").size() + 16);

  Verification v = Check(code);
  EXPECT_EQ(v.verdict, V::kFinalCurrent);
  EXPECT_EQ(v.record.id, id);
  EXPECT_EQ(v.cooperative.nama, "KSP A");
  EXPECT_EQ(v.finaliser_name, "Dinas");
  EXPECT_EQ(v.provinsi, "Jawa Timur");
  EXPECT_TRUE(v.record.hasil_json.empty()) << "the public answer carries no figures beyond the headline";
  // Typed by hand: lower case and blanks are forgiven.
  std::string typed = " " + code + " ";
  for (char& c : typed) c = char(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(Check(typed).verdict, V::kFinalCurrent);

  // Unknown codes: made up, another digest, another revision, malformed, too long.
  std::string other = code;
  other.back() = other.back() == '0' ? '1' : '0';
  for (const std::string& bad : {other, std::string("L999999-R1-0123456789ABCDEF"),
                                 "L" + std::to_string(id) + "-R2-" + code.substr(code.size() - 16), std::string("xyz"),
                                 std::string("L-R-"), std::string(5000, 'L'), std::string()}) {
    EXPECT_EQ(Check(bad).verdict, V::kUnknown) << bad;
  }

  // A correction is a new revision; once final, the first report is superseded and the new one current.
  int64_t rev2 = 0;
  ASSERT_TRUE(app_->StartCorrection(As("dinasA"), id, "Salah ketik kas pada revisi 1", &rev2).ok());
  const std::string draft_code = VerifyCode(Record(rev2));
  EXPECT_EQ(Check(draft_code).verdict, V::kNotFinal);
  EXPECT_EQ(Check(code).verdict, V::kFinalCurrent) << "until the correction is final, revision 1 stands";
  ASSERT_TRUE(app_->Finalise(As("dinasA"), rev2).ok());
  v = Check(code);
  EXPECT_EQ(v.verdict, V::kFinalSuperseded);
  ASSERT_TRUE(v.current.has_value());
  EXPECT_EQ(v.current->id, rev2);
  EXPECT_EQ(v.current->revision, 2);
  EXPECT_EQ(Check(VerifyCode(Record(rev2))).verdict, V::kFinalCurrent);
  EXPECT_EQ(Check(draft_code).verdict, V::kUnknown) << "finalising changed its status: the draft's code is void";
}

TEST_P(VerifyTest, AlteredFiguresOrStatusDoNotVerify) {
  if (!database_ready()) return;
  const store::LaporanRecord rec = Record(Final("A"));
  const std::string code = VerifyCode(rec);
  // What a forger would print: the same record with other figures or another status has another code.
  store::LaporanRecord forged = rec;
  forged.total_e6 += 1;  // the headline alone is not hashed; the result JSON is
  EXPECT_EQ(VerifyCode(forged), code);
  forged.hasil_json.replace(forged.hasil_json.find("\"predikat\":\""), 12, "\"predikat\":\"X");
  EXPECT_NE(VerifyCode(forged), code);
  EXPECT_EQ(Check(VerifyCode(forged)).verdict, V::kUnknown);
  store::LaporanRecord draft = rec;
  draft.status = store::Status::kSubmitted;
  EXPECT_NE(VerifyCode(draft), code);
  store::LaporanRecord other_time = rec;
  *other_time.finalised_at += 60;
  EXPECT_NE(VerifyCode(other_time), code);
  store::LaporanRecord other_examiner = rec;
  other_examiner.finalised_by = *rec.finalised_by + 1;
  EXPECT_NE(VerifyCode(other_examiner), code);
  EXPECT_EQ(Check(code).verdict, V::kFinalCurrent);
}

TEST_P(VerifyTest, TheLaporanViewNamesTheExaminerAndTheProvince) {
  if (!database_ready()) return;
  const int64_t id = Final("A");
  LaporanView v;
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), id, &v).ok());
  EXPECT_EQ(v.finaliser_name, "Dinas");
  EXPECT_EQ(v.provinsi, "Jawa Timur");
  LaporanView d;
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), Draft("A", "2025-12-31"), &d).ok());
  EXPECT_EQ(d.finaliser_name, "");
}

}  // namespace
}  // namespace kopsehat::app::testing
