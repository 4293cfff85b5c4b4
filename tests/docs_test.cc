// Runs every command the user guide shows: each line inside a ```sh or ```console block of docs/panduan.md that
// starts with "$ kopsehat ", from the repository root, with the built binary. Exit code 0 is expected, or 2 when
// the line ends with the comment "# keluar 2". A guide that is missing or shows no command fails the test.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace {

namespace e2e = kopsehat::e2e;
namespace fs = std::filesystem;

struct DocCommand {
  int line = 0;             // 1-based line in the guide
  std::string args;         // what follows "kopsehat", comment removed
  int expected_status = 0;  // 0, or 2 for "# keluar 2"
};

std::string TrimRight(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  return s;
}

// Extracts the "$ kopsehat ..." lines of fenced ```sh / ```console blocks.
std::vector<DocCommand> ExtractCommands(const std::string& markdown) {
  std::vector<DocCommand> commands;
  std::istringstream in(markdown);
  bool in_block = false;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    line = TrimRight(line);
    size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    const std::string body = line.substr(indent);
    if (body.rfind("```", 0) == 0) {
      if (in_block) {
        in_block = false;
      } else {
        const std::string lang = TrimRight(body.substr(3));
        in_block = lang == "sh" || lang == "console";
        if (!in_block) {
          // Another fenced block (```json, a plain ```, ...): its lines are output or data, skip to its end.
          for (std::string inner; std::getline(in, inner);) {
            ++line_no;
            const size_t i = inner.find_first_not_of(' ');
            if (i != std::string::npos && inner.compare(i, 3, "```") == 0) break;
          }
        }
      }
      continue;
    }
    if (!in_block) continue;
    static const std::string kPrefix = "$ kopsehat ";
    if (body.rfind(kPrefix, 0) != 0) continue;
    DocCommand c;
    c.line = line_no;
    std::string rest = body.substr(kPrefix.size());
    const size_t hash = rest.find(" #");
    if (hash != std::string::npos) {
      const std::string comment = TrimRight(rest.substr(hash + 2));
      if (comment.find("keluar 2") != std::string::npos) c.expected_status = 2;
      rest = TrimRight(rest.substr(0, hash));
    }
    c.args = rest;
    commands.push_back(c);
  }
  return commands;
}

TEST(DocsExtract, FindsCommandsInShellBlocksOnly) {
  const std::string md =
      "Teks $ kopsehat tidak dihitung\n"
      "```sh\n"
      "make run\n"
      "$ kopsehat rules list\n"
      "```\n"
      "```json\n"
      "$ kopsehat bukan perintah\n"
      "```\n"
      "```\n"
      "$ kopsehat juga bukan\n"
      "```\n"
      "```console\n"
      "$ kopsehat assess x.json --lang en\n"
      "$ kopsehat assess salah.json   # keluar 2\n"
      "kopsehat: keluaran, bukan perintah\n"
      "```\n"
      "$ kopsehat di luar blok\n";
  const std::vector<DocCommand> c = ExtractCommands(md);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].args, "rules list");
  EXPECT_EQ(c[0].line, 4);
  EXPECT_EQ(c[0].expected_status, 0);
  EXPECT_EQ(c[1].args, "assess x.json --lang en");
  EXPECT_EQ(c[2].args, "assess salah.json");
  EXPECT_EQ(c[2].expected_status, 2);
  EXPECT_EQ(c[2].line, 14);
}

TEST(DocsPanduan, EveryCommandRunsWithItsExitCode) {
  // KOPSEHAT_PANDUAN names another guide, to try this test itself on a guide outside the repository.
  const char* other_guide = std::getenv("KOPSEHAT_PANDUAN");
  const std::string guide = other_guide != nullptr ? other_guide : e2e::kSourceDir + "/docs/panduan.md";
  ASSERT_TRUE(fs::is_regular_file(guide)) << guide << " is missing";
  const std::vector<DocCommand> commands = ExtractCommands(e2e::ReadAll(guide));
  ASSERT_FALSE(commands.empty()) << guide << " shows no \"$ kopsehat ...\" command in a ```sh or ```console block";

  std::string tmpl = (fs::temp_directory_path() / "kopsehat_docs_XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  for (const DocCommand& c : commands) {
    SCOPED_TRACE(guide + ":" + std::to_string(c.line) + ": kopsehat " + c.args);
    const e2e::Result r = e2e::RunKopsehat(c.args, tmpl);
    ASSERT_NE(r.status, -1) << "the command did not run or did not exit normally";
    const std::string& stderr_text = r.err;
    EXPECT_EQ(r.status, c.expected_status) << stderr_text;
    if (c.expected_status == 0) {
      EXPECT_FALSE(r.out.empty()) << "a documented command prints something";
    } else {
      // The documented failure must come from the file's content, not from a file the guide forgot to provide.
      EXPECT_EQ(stderr_text.find("tidak dapat dibuka"), std::string::npos) << stderr_text;
      EXPECT_FALSE(stderr_text.empty());
    }
  }
  std::error_code ec;
  fs::remove_all(tmpl, ec);
}

}  // namespace
