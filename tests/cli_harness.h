// tests/cli_harness.h — running the built `kopsehat` binary in end-to-end tests: through the shell, from the source
// directory, with stdout and stderr captured in files of a scratch directory, and the small file helpers those tests
// share. Used by the tests/*_test.cc files; not part of the program.
#pragma once

#include <stdlib.h>
#include <sys/wait.h>

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace kopsehat::e2e {

inline const std::string kSourceDir = KOPSEHAT_SOURCE_DIR;
inline const std::string kBinary = KOPSEHAT_BINARY;
inline const std::string kExample = kSourceDir + "/examples/ksp-sejahtera-bersama-2025.json";

// The whole file ("" when it cannot be read).
inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// `s` as one single-quoted shell word.
inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Runs of white space (as pdftotext lays text out) as one space, so text wrapped or spread still matches.
inline std::string Squash(const std::string& s) {
  std::string out;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

// One entry of a zip (an XLSX), uncompressed ("" when absent).
inline std::string ZipEntry(const std::string& path, const std::string& entry) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (z == nullptr) return "";
  std::string text;
  if (zip_file_t* f = zip_fopen(z, entry.c_str(), 0)) {
    char buf[4096];
    for (zip_int64_t got; (got = zip_fread(f, buf, sizeof buf)) > 0;) text.append(buf, size_t(got));
    zip_fclose(f);
  }
  zip_close(z);
  return text;
}

struct Result {
  int status = -1;  // the exit code; -1 when the shell could not run or the program did not exit normally
  std::string out;
  std::string err;
};

// Runs `kopsehat <args_shell>` from the source directory, `args_shell` being shell syntax as typed after the
// program's name. stdin comes from `stdin_file`; `env` ("SOURCE_DATE_EPOCH=1700000000") is put before the command
// as is. stdout and stderr go through stdout.txt and stderr.txt in `scratch_dir`.
inline Result RunKopsehat(const std::string& args_shell, const std::string& scratch_dir,
                          const std::string& stdin_file = "/dev/null", const std::string& env = "") {
  const std::string out = scratch_dir + "/stdout.txt", err = scratch_dir + "/stderr.txt";
  const std::string cmd = "cd " + Quote(kSourceDir) + " && " + env + (env.empty() ? "" : " ") + Quote(kBinary) +
                          " " + args_shell + " <" + Quote(stdin_file) + " >" + Quote(out) + " 2>" + Quote(err);
  const int raw = std::system(cmd.c_str());
  Result r;
  r.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  return r;
}

// A test with its own scratch directory, removed afterwards, and the binary at hand.
class CliHarness : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "kopsehat_cli_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // A path in the scratch directory.
  std::string Path(const std::string& name) const { return (std::filesystem::path(dir_) / name).string(); }

  // Writes `bytes` to file `name` of the scratch directory; returns its path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::string p = Path(name);
    WriteAll(p, bytes);
    return p;
  }

  // Runs the binary with `args`, each quoted; `stdin_file` empty means /dev/null; `env` as for RunKopsehat.
  Result Run(const std::vector<std::string>& args, const std::string& stdin_file = "",
             const std::string& env = "") const {
    std::string line;
    for (const std::string& a : args) line += (line.empty() ? "" : " ") + Quote(a);
    return RunKopsehat(line, dir_, stdin_file.empty() ? "/dev/null" : stdin_file, env);
  }

  // Runs the binary with `args_shell` as typed in a shell ("plan examples/x.json --target SEHAT").
  Result RunLine(const std::string& args_shell) const { return RunKopsehat(args_shell, dir_); }

  std::string dir_;
};

}  // namespace kopsehat::e2e
