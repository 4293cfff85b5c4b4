// The user guide as a checked example, in the manner of hledger's shell tests: every command docs/panduan.md shows
// is run from the repository root with the built binary, and what it prints is compared with what the guide says it
// prints. A guide that is missing, shows no command, or breaks one of the rules below fails the test.
//
// The rules of the guide's source:
// - A ```console block holds commands and their output. A line starting with "$ " is a command; it must be
//   "$ kopsehat ...". The lines after it, up to the next "$ " line or the end of the block, are its expected output.
//   A non-blank line before the block's first command is an error (output without a command).
// - The command's exit code must be 0, or 2 when the line ends with the comment "# keluar 2".
// - The expected output is compared with what the command writes to stdout followed by what it writes to stderr
//   (a failed assessment, exit 2, writes its messages to stderr and nothing to stdout; no command of the guide
//   writes to both). Comparison is exact, line by line, after trailing white space is trimmed from every line and
//   trailing blank lines are dropped on both sides (so a blank line may separate one command from the next).
// - Elision: a line that is "..." alone (leading and trailing spaces ignored) stands for any run of output lines,
//   zero or more. The guide uses it to abridge long reports; it shows the reader that lines were left out. No other
//   wildcard exists: every other line must match exactly, so nothing that varies by date or machine may be shown
//   (none of the guide's commands prints such a thing; PDFs use SOURCE_DATE_EPOCH or 1970, never the clock).
// - A ```sh block shows commands the reader adapts and runs (make, their own files) and is not run. A "$ kopsehat"
//   line in it is an error: a command the guide claims runs belongs in a ```console block with its output.
// - A fence without a language (or ```text) is an error: output belongs under its command in a ```console block,
//   data in a block named for its format (```json, ```toml, ...).
// - An HTML comment (<!-- ... -->, notes for maintainers) outside a block is skipped, fences written in it too.
// A failure names the guide's line, the command, and a small diff of the guide's lines against the program's.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace {

namespace e2e = kopsehat::e2e;
namespace fs = std::filesystem;

// A guide block is a screenful or two; an output compared against one is at most a few thousand lines. The alignment
// table has (expected + 1) × (actual + 1) cells, so this bounds its memory (4 bytes a cell) to 16 MB.
constexpr size_t kMaxDiffCells = 4'000'000;
// Rows of a diff shown in one failure message: enough to see what changed, short enough to read.
constexpr size_t kMaxDiffRows = 40;
// Lines of context shown around each difference.
constexpr size_t kDiffContext = 2;

const std::string kElisionMarker = "...";

struct DocCommand {
  int line = 0;                       // 1-based line of the "$ kopsehat" line in the guide
  std::string args;                   // what follows "kopsehat", comment removed
  int expected_status = 0;            // 0, or 2 for "# keluar 2"
  std::vector<std::string> expected;  // the lines under the command; expected[i] is at guide line `line + 1 + i`
};

struct ParsedGuide {
  std::vector<DocCommand> commands;
  std::vector<std::string> problems;  // "line N: what is wrong"
};

std::string TrimRight(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  return s;
}

bool IsElisionMarker(const std::string& line) {
  const size_t first = line.find_first_not_of(' ');
  return first != std::string::npos && TrimRight(line.substr(first)) == kElisionMarker;
}

// `lines` with trailing white space trimmed from each, trailing blank lines dropped.
std::vector<std::string> NormalizedLines(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (const std::string& l : lines) out.push_back(TrimRight(l));
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

// The same for the lines of `text`.
std::vector<std::string> NormalizedLines(const std::string& text) { return NormalizedLines(e2e::Lines(text)); }

// Splits "$ kopsehat ARGS   # comment" into the command; false when the line is not a kopsehat command.
bool ParseCommandLine(const std::string& body, int line_no, DocCommand* c) {
  static const std::string kPrefix = "$ kopsehat ";
  if (body.rfind(kPrefix, 0) != 0) return false;
  c->line = line_no;
  std::string rest = body.substr(kPrefix.size());
  const size_t hash = rest.find(" #");
  if (hash != std::string::npos) {
    const std::string comment = TrimRight(rest.substr(hash + 2));
    if (comment.find("keluar 2") != std::string::npos) c->expected_status = 2;
    rest = TrimRight(rest.substr(0, hash));
  }
  c->args = rest;
  return true;
}

// Reads the commands and their expected output out of the guide's fenced blocks, and what breaks the rules above.
ParsedGuide ParseGuide(const std::string& markdown) {
  ParsedGuide g;
  const std::vector<std::string> lines = e2e::Lines(markdown);
  enum class Block { kNone, kConsole, kShell, kOther };
  Block block = Block::kNone;
  size_t fence_indent = 0;
  int fence_line = 0;
  constexpr size_t kNoCommand = SIZE_MAX;
  size_t current = kNoCommand;  // index of the console command whose output is being read
  auto problem = [&g](int line_no, const std::string& what) {
    g.problems.push_back("line " + std::to_string(line_no) + ": " + what);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const int line_no = static_cast<int>(i) + 1;
    const std::string line = TrimRight(lines[i]);
    const size_t indent = std::min(line.find_first_not_of(' '), line.size());
    const std::string stripped = line.substr(indent);
    if (block == Block::kNone && stripped.rfind("<!--", 0) == 0) {
      // An HTML comment (notes for maintainers) is not shown, so a fence written inside it is not one.
      while (i < lines.size() && lines[i].find("-->") == std::string::npos) ++i;
      continue;
    }
    if (stripped.rfind("```", 0) == 0) {
      if (block != Block::kNone) {
        block = Block::kNone;
        current = kNoCommand;
        continue;
      }
      const std::string lang = TrimRight(stripped.substr(3));
      fence_indent = indent;
      fence_line = line_no;
      if (lang == "console") {
        block = Block::kConsole;
      } else if (lang == "sh") {
        block = Block::kShell;
      } else {
        block = Block::kOther;
        if (lang.empty() || lang == "text") {
          problem(line_no, "a ```" + lang +
                               " block: put shown output under its command in a ```console block, and name data by "
                               "its format (```json, ```toml, ...)");
        }
      }
      continue;
    }
    if (block == Block::kNone || block == Block::kOther) continue;
    // Inside a block indented under a list item, the fence's indent is not part of the content.
    const size_t cut = std::min(indent, fence_indent);
    const std::string body = line.substr(cut);
    if (block == Block::kShell) {
      if (body.rfind("$ kopsehat", 0) == 0) {
        problem(line_no, "\"$ kopsehat\" in a ```sh block, which is not run: show it in a ```console block with its "
                         "output");
      }
      continue;
    }
    if (body.rfind("$ ", 0) == 0) {
      DocCommand c;
      if (!ParseCommandLine(body, line_no, &c)) {
        problem(line_no, "only \"$ kopsehat ...\" commands can be checked: " + body);
        current = kNoCommand;
        continue;
      }
      current = g.commands.size();
      g.commands.push_back(c);
      continue;
    }
    if (current != kNoCommand) {
      g.commands[current].expected.push_back(body);
    } else if (!body.empty()) {
      problem(line_no, "output without a command above it in its ```console block");
    }
  }
  if (block != Block::kNone) problem(fence_line, "the block opened here is never closed");
  return g;
}

// One row of the alignment of the guide's lines (expected) with the program's (actual).
enum class DiffOp {
  kSame,     // equal lines
  kElided,   // the elision marker expected[expected_index] stood for the actual lines `elided` (perhaps none)
  kMissing,  // expected[expected_index] is not in the output
  kExtra,    // an output line the guide does not show
};

struct DiffRow {
  DiffOp op = DiffOp::kSame;
  size_t expected_index = 0;  // kSame, kElided, kMissing
  std::string text;                  // the line (kElided: empty)
  std::vector<std::string> elided;   // kElided only
};

struct Comparison {
  bool same = false;
  std::vector<DiffRow> rows;  // the whole alignment, in order
  std::string error;          // non-empty when the output could not be compared (too large)
};

// Aligns `expected` (lines of the guide, with elision markers) with `actual` (lines of the program), both already
// normalized, at the least number of missing plus extra lines: an edit distance in which a marker line absorbs any
// run of actual lines at no cost. The output matches exactly when that number is 0.
Comparison CompareOutput(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
  Comparison result;
  const size_t n = expected.size(), m = actual.size();
  if ((n + 1) * (m + 1) > kMaxDiffCells) {
    result.error = "too large to compare: " + std::to_string(n) + " lines shown against " + std::to_string(m) +
                   " printed (limit " + std::to_string(kMaxDiffCells) + " cells)";
    return result;
  }
  std::vector<bool> marker(n);
  for (size_t i = 0; i < n; ++i) marker[i] = IsElisionMarker(expected[i]);
  // cost[i][j]: least missing + extra lines aligning expected[i..] with actual[j..].
  std::vector<uint32_t> cost((n + 1) * (m + 1));
  auto at = [&cost, m](size_t i, size_t j) -> uint32_t& { return cost[i * (m + 1) + j]; };
  for (size_t i = n + 1; i-- > 0;) {
    for (size_t j = m + 1; j-- > 0;) {
      if (i == n) {
        at(i, j) = static_cast<uint32_t>(m - j);
      } else if (marker[i]) {
        at(i, j) = j == m ? at(i + 1, j) : std::min(at(i + 1, j), at(i, j + 1));
      } else {
        uint32_t best = at(i + 1, j) + 1;
        if (j < m) {
          best = std::min(best, at(i, j + 1) + 1);
          if (expected[i] == actual[j]) best = std::min(best, at(i + 1, j + 1));
        }
        at(i, j) = best;
      }
    }
  }
  result.same = at(0, 0) == 0;
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && marker[i]) {
      DiffRow row{DiffOp::kElided, i, "", {}};
      while (j < m && at(i, j + 1) == at(i, j) && at(i + 1, j) != at(i, j)) row.elided.push_back(actual[j++]);
      // Ties (the marker may stop here or go on) are settled by stopping: the next guide line then shows as equal.
      result.rows.push_back(row);
      ++i;
    } else if (i < n && j < m && expected[i] == actual[j] && at(i + 1, j + 1) == at(i, j)) {
      result.rows.push_back({DiffOp::kSame, i, actual[j], {}});
      ++i, ++j;
    } else if (i < n && at(i + 1, j) + 1 == at(i, j)) {
      result.rows.push_back({DiffOp::kMissing, i, expected[i], {}});
      ++i;
    } else {
      result.rows.push_back({DiffOp::kExtra, 0, actual[j], {}});
      ++j;
    }
  }
  return result;
}

// The differences of `c` with a little context, for a failure message. `first_line` is the guide's line of
// expected[0]; guide lines are numbered, program lines are not.
std::string RenderDiff(const Comparison& c, int first_line) {
  if (!c.error.empty()) return "  " + c.error + "\n";
  const std::vector<DiffRow>& rows = c.rows;
  auto changed = [&rows](size_t k) {
    return k < rows.size() && (rows[k].op == DiffOp::kMissing || rows[k].op == DiffOp::kExtra);
  };
  std::vector<bool> show(rows.size(), false);
  for (size_t k = 0; k < rows.size(); ++k) {
    if (!changed(k)) continue;
    const size_t from = k >= kDiffContext ? k - kDiffContext : 0;
    const size_t to = std::min(rows.size(), k + kDiffContext + 1);
    for (size_t s = from; s < to; ++s) show[s] = true;
  }
  std::string out =
      "  (- only in the guide, + only in the program's output, : output an elision stands for; numbers are lines of "
      "the guide)\n";
  size_t shown = 0;
  bool gap = false;
  for (size_t k = 0; k < rows.size(); ++k) {
    if (!show[k]) {
      gap = true;
      continue;
    }
    if (gap && shown > 0) out += "  ~~~\n";
    gap = false;
    if (shown == kMaxDiffRows) {
      out += "  (the diff goes on; only its first " + std::to_string(kMaxDiffRows) + " rows are shown)\n";
      break;
    }
    ++shown;
    const DiffRow& r = rows[k];
    char num[16];
    std::snprintf(num, sizeof num, "%5d", first_line + static_cast<int>(r.expected_index));
    switch (r.op) {
      case DiffOp::kSame:
        out += std::string(num) + "   " + r.text + "\n";
        break;
      case DiffOp::kElided: {
        // Next to a difference, the lines the marker took matter: the line the guide expected may be among them.
        const size_t n = r.elided.size();
        out += std::string(num) + "   " + kElisionMarker + " (" + std::to_string(n) + " lines)\n";
        const size_t head = k > 0 && changed(k - 1) ? std::min(n, kDiffContext) : 0;
        for (size_t e = 0; e < head; ++e) out += "      : " + r.elided[e] + "\n";
        if (changed(k + 1)) {
          const size_t tail_from = std::max(head, n - std::min(n, kDiffContext));
          if (tail_from > head) out += "      : ...\n";
          for (size_t e = tail_from; e < n; ++e) out += "      : " + r.elided[e] + "\n";
        }
        break;
      }
      case DiffOp::kMissing:
        out += std::string(num) + " - " + r.text + "\n";
        break;
      case DiffOp::kExtra:
        out += "      + " + r.text + "\n";
        break;
    }
  }
  return out;
}

std::vector<DiffOp> Ops(const Comparison& c) {
  std::vector<DiffOp> ops;
  for (const DiffRow& r : c.rows) ops.push_back(r.op);
  return ops;
}

TEST(DocsCompare, EqualLinesMatchAfterTrailingSpaceIsTrimmed) {
  const Comparison c = CompareOutput(NormalizedLines("a\nb  \n\n"), NormalizedLines("a \nb\n"));
  EXPECT_TRUE(c.same);
  EXPECT_EQ(Ops(c), (std::vector<DiffOp>{DiffOp::kSame, DiffOp::kSame}));
}

TEST(DocsCompare, ChangedLineIsAMismatchShownAsMinusAndPlus) {
  const Comparison c = CompareOutput({"TOTAL 89,80", "PREDIKAT: SEHAT"}, {"TOTAL 89,81", "PREDIKAT: SEHAT"});
  EXPECT_FALSE(c.same);
  EXPECT_EQ(Ops(c), (std::vector<DiffOp>{DiffOp::kMissing, DiffOp::kExtra, DiffOp::kSame}));
  const std::string diff = RenderDiff(c, 100);
  EXPECT_NE(diff.find("  100 - TOTAL 89,80\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("      + TOTAL 89,81\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("  101   PREDIKAT: SEHAT\n"), std::string::npos) << diff;
}

TEST(DocsCompare, CharactersAndSpacesInsideALineCount) {
  EXPECT_FALSE(CompareOutput({"a  b"}, {"a b"}).same);
  EXPECT_FALSE(CompareOutput({" a"}, {"a"}).same);
  EXPECT_FALSE(CompareOutput({"a"}, {"A"}).same);
}

TEST(DocsCompare, ElisionMatchesZeroLines) {
  const Comparison c = CompareOutput({"a", "...", "b"}, {"a", "b"});
  EXPECT_TRUE(c.same);
  ASSERT_EQ(c.rows.size(), 3u);
  EXPECT_EQ(c.rows[1].op, DiffOp::kElided);
  EXPECT_TRUE(c.rows[1].elided.empty());
  EXPECT_TRUE(CompareOutput({"..."}, {}).same);
  EXPECT_TRUE(CompareOutput({"a", "..."}, {"a"}).same);
}

TEST(DocsCompare, ElisionMatchesSeveralLinesAnywhere) {
  const Comparison c = CompareOutput({"a", "   ...", "e"}, {"a", "b", "c", "d", "e"});
  EXPECT_TRUE(c.same);
  ASSERT_EQ(c.rows.size(), 3u);
  EXPECT_EQ(c.rows[1].elided, (std::vector<std::string>{"b", "c", "d"}));
  EXPECT_TRUE(CompareOutput({"...", "c", "..."}, {"a", "b", "c", "d"}).same);
  EXPECT_TRUE(CompareOutput({"...", "b", "...", "d"}, {"a", "b", "c", "b", "c", "d"}).same);
  // Elision stands for whole lines only, and the lines around it must still be there.
  EXPECT_FALSE(CompareOutput({"a ..."}, {"a b"}).same);
  EXPECT_FALSE(CompareOutput({"a", "...", "e"}, {"a", "b", "c"}).same);
  EXPECT_FALSE(CompareOutput({"...", "x", "..."}, {"a", "b"}).same);
}

TEST(DocsCompare, MissingLineIsAMismatch) {
  const Comparison c = CompareOutput({"a", "b", "c"}, {"a", "c"});
  EXPECT_FALSE(c.same);
  EXPECT_EQ(Ops(c), (std::vector<DiffOp>{DiffOp::kSame, DiffOp::kMissing, DiffOp::kSame}));
  EXPECT_NE(RenderDiff(c, 10).find("   11 - b\n"), std::string::npos) << RenderDiff(c, 10);
  // Also when the guide shows output and the program printed nothing, and after an elision.
  EXPECT_FALSE(CompareOutput({"Laporan ditulis: /tmp/x"}, {}).same);
  EXPECT_FALSE(CompareOutput({"a", "...", "z"}, {"a", "b"}).same);
}

TEST(DocsCompare, ExtraLineIsAMismatch) {
  const Comparison c = CompareOutput({"a"}, {"a", "b"});
  EXPECT_FALSE(c.same);
  EXPECT_EQ(Ops(c), (std::vector<DiffOp>{DiffOp::kSame, DiffOp::kExtra}));
  EXPECT_FALSE(CompareOutput({}, {"printed although the guide shows nothing"}).same);
}

TEST(DocsCompare, DiffShowsTheOutputAnElisionTookNextToADifference) {
  // The marker absorbs the printed TOTAL line at no cost, so the guide's TOTAL shows as missing; the diff must still
  // show the program's TOTAL line, or the reader cannot see what changed.
  const Comparison c = CompareOutput({"HEAD", "...", "TOTAL 89,81", "", "PREDIKAT: SEHAT"},
                                     {"HEAD", "a", "b", "c", "TOTAL 89,80", "", "PREDIKAT: SEHAT"});
  EXPECT_FALSE(c.same);
  const std::string diff = RenderDiff(c, 1);
  EXPECT_NE(diff.find("    2   ... (4 lines)\n      : ...\n      : c\n      : TOTAL 89,80\n    3 - TOTAL 89,81\n"),
            std::string::npos)
      << diff;
}

TEST(DocsCompare, DiffShowsContextAroundChangesOnly) {
  std::vector<std::string> expected, actual;
  for (int k = 0; k < 30; ++k) expected.push_back("line " + std::to_string(k));
  actual = expected;
  actual[20] = "changed";
  const std::string diff = RenderDiff(CompareOutput(expected, actual), 1);
  EXPECT_NE(diff.find("   21 - line 20\n      + changed\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("line 18"), std::string::npos) << diff;
  EXPECT_EQ(diff.find("line 17"), std::string::npos) << diff;
  EXPECT_EQ(diff.find("line 23"), std::string::npos) << diff;
}

TEST(DocsCompare, OversizedOutputIsAnErrorNotAnAllocation) {
  const Comparison c = CompareOutput(std::vector<std::string>(3000, "a"), std::vector<std::string>(3000, "a"));
  EXPECT_FALSE(c.same);
  EXPECT_NE(c.error.find("too large"), std::string::npos);
}

TEST(DocsExtract, CommandsAndTheirOutputComeFromConsoleBlocks) {
  const std::string md =
      "Teks $ kopsehat tidak dihitung\n"
      "<!-- catatan:\n"
      "```console\n"
      "$ kopsehat tersembunyi -->\n"
      "```sh\n"
      "make run\n"
      "kopsehat assess laporan-saya.json\n"
      "```\n"
      "```json\n"
      "$ kopsehat bukan perintah\n"
      "```\n"
      "```console\n"
      "$ kopsehat assess x.json --lang en\n"
      "Line one\n"
      "...\n"
      "\n"
      "$ kopsehat assess salah.json   # keluar 2\n"
      "kopsehat: salah.json tidak sah (1 masalah):\n"
      "```\n"
      "1. Daftar:\n"
      "   ```console\n"
      "   $ kopsehat rules list\n"
      "   ksp-2016 (bawaan)\n"
      "   ```\n"
      "$ kopsehat di luar blok\n";
  const ParsedGuide g = ParseGuide(md);
  EXPECT_TRUE(g.problems.empty()) << g.problems.front();
  ASSERT_EQ(g.commands.size(), 3u);
  EXPECT_EQ(g.commands[0].args, "assess x.json --lang en");
  EXPECT_EQ(g.commands[0].line, 13);
  EXPECT_EQ(g.commands[0].expected_status, 0);
  EXPECT_EQ(g.commands[0].expected, (std::vector<std::string>{"Line one", "...", ""}));
  EXPECT_EQ(g.commands[1].args, "assess salah.json");
  EXPECT_EQ(g.commands[1].expected_status, 2);
  EXPECT_EQ(g.commands[1].line, 17);
  EXPECT_EQ(g.commands[1].expected, (std::vector<std::string>{"kopsehat: salah.json tidak sah (1 masalah):"}));
  EXPECT_EQ(g.commands[2].args, "rules list");
  EXPECT_EQ(g.commands[2].expected, (std::vector<std::string>{"ksp-2016 (bawaan)"}));
}

TEST(DocsExtract, BlocksThatWouldHideUncheckedOutputAreProblems) {
  const std::string md =
      "```console\n"           // 1
      "keluaran tanpa perintah\n"
      "$ ls\n"                 // 3
      "```\n"
      "```\n"                  // 5
      "keluaran lama\n"
      "```\n"
      "```text\n"              // 8
      "```\n"
      "```sh\n"
      "$ kopsehat rules list\n"  // 11
      "```\n"
      "```console\n"           // 13
      "$ kopsehat rules list\n";
  const ParsedGuide g = ParseGuide(md);
  ASSERT_EQ(g.problems.size(), 6u);
  EXPECT_EQ(g.problems[0].rfind("line 2: output without a command", 0), 0u) << g.problems[0];
  EXPECT_EQ(g.problems[1].rfind("line 3: only \"$ kopsehat", 0), 0u) << g.problems[1];
  EXPECT_EQ(g.problems[2].rfind("line 5: a ``` block", 0), 0u) << g.problems[2];
  EXPECT_EQ(g.problems[3].rfind("line 8: a ```text block", 0), 0u) << g.problems[3];
  EXPECT_EQ(g.problems[4].rfind("line 11: \"$ kopsehat\" in a ```sh block", 0), 0u) << g.problems[4];
  EXPECT_EQ(g.problems[5].rfind("line 13: the block opened here is never closed", 0), 0u) << g.problems[5];
}

TEST(DocsPanduan, EveryCommandPrintsWhatTheGuideShows) {
  // KOPSEHAT_PANDUAN names another guide, to try this test itself on a guide outside the repository.
  const char* other_guide = std::getenv("KOPSEHAT_PANDUAN");
  const std::string guide = other_guide != nullptr ? other_guide : e2e::kSourceDir + "/docs/panduan.md";
  ASSERT_TRUE(fs::is_regular_file(guide)) << guide << " is missing";
  const ParsedGuide g = ParseGuide(e2e::ReadAll(guide));
  for (const std::string& p : g.problems) ADD_FAILURE() << guide << ": " << p;
  ASSERT_FALSE(g.commands.empty()) << guide << " shows no \"$ kopsehat ...\" command in a ```console block";

  std::string tmpl = (fs::temp_directory_path() / "kopsehat_docs_XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  size_t with_output = 0, exact_lines = 0, markers = 0;
  for (const DocCommand& c : g.commands) {
    const std::string where = guide + ":" + std::to_string(c.line) + ": $ kopsehat " + c.args;
    const e2e::Result r = e2e::RunKopsehat(c.args, tmpl);
    if (r.status == -1) {
      ADD_FAILURE() << where << "\n  the command did not run or did not exit normally";
      continue;
    }
    EXPECT_EQ(r.status, c.expected_status) << where << "\n" << r.err;
    if (c.expected_status == 2) {
      // The documented failure must come from the file's content, not from a file the guide forgot to provide.
      EXPECT_EQ(r.err.find("tidak dapat dibuka"), std::string::npos) << where << "\n" << r.err;
    }
    const std::vector<std::string> expected = NormalizedLines(c.expected);
    const size_t marker_count = static_cast<size_t>(std::count_if(expected.begin(), expected.end(), IsElisionMarker));
    if (expected.size() > marker_count) ++with_output;
    exact_lines += expected.size() - marker_count;
    markers += marker_count;
    const Comparison cmp = CompareOutput(expected, NormalizedLines(r.out + r.err));
    EXPECT_TRUE(cmp.same) << where << "\n  prints other output than the guide shows:\n" << RenderDiff(cmp, c.line + 1);
  }
  std::printf("[ guide    ] %s: %zu commands run; %zu show output, %zu lines compared exactly, %zu elisions\n",
              guide.c_str(), g.commands.size(), with_output, exact_lines, markers);
  std::error_code ec;
  fs::remove_all(tmpl, ec);
}

}  // namespace
