// core/status.h — the outcome of one operation that can fail in an expected way (a file that cannot be written, a
// report that cannot be drawn): a stable machine code and its message in Indonesian and English; ok when the code is
// empty. Where many problems of one input are collected (a laporan, a rulebook), the type is Problems
// (core/problems.h), and a Status converts to it. Depends on core/problems.h.
#pragma once

#include <string>
#include <utility>

#include "core/problems.h"

namespace kopsehat {

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  static Status Error(std::string code, std::string pesan, std::string message) {
    Status s;
    s.code_ = code.empty() ? "galat" : std::move(code);
    s.pesan_ = std::move(pesan);
    s.message_ = std::move(message);
    return s;
  }

  bool ok() const { return code_.empty(); }
  const std::string& code() const { return code_; }
  const std::string& Text(Lang lang) const { return lang == Lang::kEn ? message_ : pesan_; }
  const std::string& pesan() const { return pesan_; }
  const std::string& message() const { return message_; }
  // A writer that could not create / finish its file (`detail`: the library's reason, may be empty).
  static Status CannotCreateFile() {
    return Error("berkas_tidak_dapat_dibuat", "berkas tidak dapat dibuat", "cannot create the file");
  }
  static Status CannotWriteFile(const std::string& detail) {
    const std::string reason = detail.empty() ? "" : " (" + detail + ")";
    return Error("berkas_tidak_dapat_ditulis", "berkas tidak dapat ditulis" + reason, "cannot write the file" + reason);
  }
  // Adds this failure to `problems` at `path` (nothing when ok).
  void AddTo(const std::string& path, Problems* problems) const {
    if (!ok()) problems->Add(path, code_, pesan_, message_);
  }

 private:
  std::string code_;
  std::string pesan_;
  std::string message_;
};

}  // namespace kopsehat
