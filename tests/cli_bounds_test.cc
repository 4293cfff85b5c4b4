// The CLI reads hostile input with bounded memory and shows it safely: a line longer than a laporan may be is
// skipped without being held (also one of 2 GB), `batch` on a folder exits 2, no message echoes more than about
// 100 characters of a value, control characters never reach the terminal raw, identity fields refuse them, and every
// JSON line written is valid UTF-8.
#include <sys/resource.h>

#include "core/text.h"
#include "cli_harness.h"

namespace kopsehat::e2e {
namespace {

class CliBoundsTest : public CliHarness {
 protected:
  static std::string ExampleLine() {
    std::string text = ReadAll(kExample);
    std::string line;
    for (const char c : text) {
      if (c != '\n') line.push_back(c);
    }
    return line;
  }

  // The example as a CSV laporan (what `convert --to csv` writes), with `replace` → `with` applied.
  std::string ExampleCsv(const std::string& replace = "", const std::string& with = "") {
    const Result r = Run({"convert", kExample, "--to", "csv"});
    EXPECT_EQ(r.status, 0) << r.err;
    std::string csv = r.out;
    if (!replace.empty()) {
      const size_t at = csv.find(replace);
      EXPECT_NE(at, std::string::npos) << replace;
      if (at != std::string::npos) csv.replace(at, replace.size(), with);
    }
    return csv;
  }
};

TEST_F(CliBoundsTest, ALineLongerThanALaporanIsSkippedAndTheRestAssessed) {
  const std::string good = ExampleLine();
  const std::string path = Write("panjang.jsonl", good + "\n" + std::string(3 << 20, 'x') + "\n" + good + "\n");
  const Result r = Run({"batch", path});
  EXPECT_EQ(r.status, 2);  // some line was invalid
  std::vector<std::string> lines;
  for (size_t at = 0; at < r.out.size();) {
    const size_t nl = r.out.find('\n', at);
    lines.push_back(r.out.substr(at, nl - at));
    at = nl == std::string::npos ? r.out.size() : nl + 1;
  }
  ASSERT_EQ(lines.size(), 3u) << r.out.substr(0, 500);
  EXPECT_TRUE(Contains(lines[0], "\"predikat\""));
  EXPECT_TRUE(Contains(lines[1], "baris_terlalu_panjang")) << lines[1];
  EXPECT_LT(lines[1].size(), 1000u);  // the line itself is not echoed
  EXPECT_TRUE(Contains(lines[2], "\"predikat\""));
  EXPECT_TRUE(Contains(r.err, "baris 2: baris lebih dari 1 MiB; dilewati")) << r.err.substr(0, 500);
}

TEST_F(CliBoundsTest, AOneLineInputOfTwoGigabytesTakesLittleMemory) {
  // Streamed through standard input (nothing on disk): 2 GiB of 'x' and no newline.
  const std::string cmd = "head -c 2147483648 /dev/zero | tr '\\0' x | " + Quote(kBinary) + " batch - >" +
                          Quote(Path("out.jsonl")) + " 2>" + Quote(Path("err.txt"));
  const int raw = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(raw));
  EXPECT_EQ(WEXITSTATUS(raw), 2);
  EXPECT_TRUE(Contains(ReadAll(Path("out.jsonl")), "baris_terlalu_panjang"));
  rusage usage{};
  ASSERT_EQ(getrusage(RUSAGE_CHILDREN, &usage), 0);
#if defined(__SANITIZE_ADDRESS__)
  const long limit_kb = 400 << 10;  // AddressSanitizer's shadow memory and quarantine come on top
#else
  const long limit_kb = 100 << 10;
#endif
  EXPECT_LT(usage.ru_maxrss, limit_kb) << "largest child's peak resident memory, KiB";
}

TEST_F(CliBoundsTest, AFolderIsRefusedWithExitTwo) {
  const Result r = Run({"batch", dir_});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "adalah folder; sebutkan satu berkas JSONL atau CSV")) << r.err;
  const Result en = Run({"assess", dir_, "--lang", "en"});
  EXPECT_EQ(en.status, 2);
  EXPECT_TRUE(Contains(en.err, "a directory?")) << en.err;
}

// Strings an attacker would put in a file to move the cursor, clear the screen, retitle the terminal, or break
// the UTF-8 of the output.
const std::vector<std::string>& HostileStrings() {
  static const std::vector<std::string> strings = {
      "\x1b[2J\x1b[H",                   // clear the screen
      "\x1b]0;judul palsu\x07",          // set the window title
      "merah\x1b[31m",                   // colour
      "a\rTIMPA",                        // carriage return over the line
      "\xc2\x9b" "31m",                  // C1 CSI
      "\xff\xfe\xfd",                    // not UTF-8
      "\xe2\x82",                        // a cut sequence
      "\x7f\x08\x08",                    // DEL and backspaces
      std::string("nul\0nul", 7),        // NUL
      std::string(5000, 'k'),            // long
  };
  return strings;
}

// No escape, control or invalid byte reached the output: what a terminal would show is what was meant.
void ExpectSafe(const std::string& out, const std::string& what) {
  EXPECT_TRUE(IsCleanText(out, false)) << what;  // valid UTF-8, no NUL
  for (const unsigned char c : out) {
    EXPECT_FALSE((c < 0x20 && c != '\n') || c == 0x7F) << what << ": byte " << int(c);
  }
  EXPECT_EQ(out.find("\xc2\x9b"), std::string::npos) << what;
}

TEST_F(CliBoundsTest, HostileKeysAndValuesAreEscapedAndBounded) {
  for (const std::string& hostile : HostileStrings()) {
    const std::string what = SafeText(hostile, 40);
    // As an unknown key, and as a bad amount.
    for (const auto& [replace, with] : {std::pair<std::string, std::string>{"neraca.kas;", hostile + ";"},
                                        {"neraca.kas;", "neraca.kas;" + hostile + "x;"}}) {
      const std::string csv = Write("jahat.csv", ExampleCsv(replace, with));
      for (const char* lang : {"id", "en"}) {
        const Result r = Run({"assess", csv, "--lang", lang});
        EXPECT_EQ(r.status, 2) << what;
        ExpectSafe(r.err, what);
        for (size_t at = 0; at < r.err.size();) {
          const size_t nl = r.err.find('\n', at);
          EXPECT_LT((nl == std::string::npos ? r.err.size() : nl) - at, 600u) << what;  // bounded echo
          at = nl == std::string::npos ? r.err.size() : nl + 1;
        }
        const Result json = Run({"assess", csv, "--format", "json", "--lang", lang});
        ExpectSafe(json.out, what);
      }
    }
  }
}

TEST_F(CliBoundsTest, IdentityFieldsRefuseControlCharacters) {
  for (const std::string& hostile : HostileStrings()) {
    if (hostile.size() > 200) continue;  // a long name has its own message
    const std::string what = SafeText(hostile, 40);
    const std::string csv =
        Write("nama.csv", ExampleCsv("koperasi.nama;KSP Sejahtera Bersama;", "koperasi.nama;\"KSP " + hostile + "\";"));
    const Result r = Run({"assess", csv});
    EXPECT_EQ(r.status, 2) << what;
    EXPECT_TRUE(Contains(r.err, "teks harus UTF-8 yang sah tanpa karakter kendali")) << what << ": " << r.err;
    ExpectSafe(r.err, what);
  }
}

TEST_F(CliBoundsTest, BatchJsonLinesAreValidUtf8) {
  const std::string csv_header = "kunci;nilai\n";
  std::string jsonl;
  for (const std::string& hostile : HostileStrings()) {
    // A JSON line that is not valid JSON (its bytes are echoed in the syntax error's excerpt, if at all).
    jsonl += "{\"koperasi\": \"" + hostile + "\"\n";
  }
  const Result r = Run({"batch", Write("jahat.jsonl", jsonl)});
  EXPECT_EQ(r.status, 2);
  ExpectSafe(r.out, "batch stdout");
  ExpectSafe(r.err, "batch stderr");
}

}  // namespace
// `batch --format pdf --out-dir` makes the folder (with its parents) when it is missing; a file in the way is refused
// before any line is read.
TEST_F(CliBoundsTest, BatchPdfMakesItsFolder) {
  const std::string in = Write("satu.jsonl", ExampleLine() + "\n");
  const std::string dir = Path("belum/ada");
  const Result r = Run({"batch", in, "--format", "pdf", "--out-dir", dir});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir + "/000001-ksp-sejahtera-bersama.pdf")) << r.out << r.err;
  const std::string file = Write("bukan-folder", "x");
  const Result refused = Run({"batch", in, "--format", "pdf", "--out-dir", file});
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.err.find("folder untuk PDF tidak dapat dibuat"), std::string::npos) << refused.err;
}

}  // namespace kopsehat::e2e
