// interchange/xlsx_reader.cc — see xlsx_reader.h. libzip opens the container and expat reads each part as it is
// inflated, chunk by chunk, within the limits of XlsxLimits.
#include "interchange/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"

namespace kopsehat {

namespace {

// Bytes inflated and handed to expat at a time: a part is never held whole, so a 50 MB sheet costs one chunk of
// memory plus what is kept of it.
constexpr size_t kChunkBytes = 64 * 1024;
// How much of a file that is not a zip is looked at to tell text from binary.
constexpr size_t kSniffBytes = 4096;
// Markup (a start tag, a comment) that runs this long without a '>' is refused: expat 2.5 scans an unfinished token
// again on every chunk, so one endless tag would cost time quadratic in its length. Character data is not markup
// and is bounded by max_text_bytes instead; the bound used is the larger of this and a few times that limit.
constexpr size_t kMinMarkupRunBytes = 1u << 20;
// The mimetype entry of an OpenDocument file is a few dozen bytes; no more is read.
constexpr size_t kMaxMimetypeBytes = 256;
// Excel's own grid.
constexpr uint32_t kExcelMaxRows = 1048576;
constexpr uint32_t kExcelMaxCols = 16384;

constexpr std::string_view kOle2Magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

// What a treasurer should do with a legacy or foreign file, said once for every message that needs it.
constexpr const char* kSaveAsId = "buka di Excel atau LibreOffice lalu simpan ulang sebagai Buku Kerja Excel (.xlsx)";
constexpr const char* kSaveAsEn = "open it in Excel or LibreOffice and save it again as an Excel Workbook (.xlsx)";

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "EncryptionInfo" as it is stored in an OLE2 directory entry: UTF-16LE.
std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

// Plain text: no NUL byte and almost no control characters in the first bytes (UTF-8 and Latin-1 both pass).
bool LooksLikeText(std::string_view head) {
  if (head.empty()) return false;
  size_t control = 0;
  for (const char ch : head) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) return false;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) ++control;
  }
  return control * 100 <= head.size();
}

void LimitProblem(Problems* p, const std::string& path, const char* limit, uint64_t value, const std::string& what_id,
                  const std::string& what_en) {
  const std::string v = std::to_string(value);
  p->Add(path, "melebihi_batas", what_id + " melebihi batas " + limit + " = " + v,
         what_en + " exceeds the limit " + limit + " = " + v);
}

// An OLE2 compound file: a password-protected .xlsx or a legacy .xls, each with what to do about it.
void AddOle2Problem(std::string_view bytes, const std::string& file, Problems* p) {
  // Excel stores a password-protected .xlsx inside an OLE2 compound file with these two streams; a legacy .xls is
  // the same container with a "Workbook" stream instead. The names live in the directory sectors, which may be
  // anywhere in the file, so the whole file is searched (a linear scan of bytes already in memory).
  static const std::string kInfo = Utf16Le("EncryptionInfo");
  static const std::string kPackage = Utf16Le("EncryptedPackage");
  if (bytes.find(kInfo) != std::string_view::npos || bytes.find(kPackage) != std::string_view::npos) {
    p->Add(
        file, "terenkripsi",
        "buku kerja ini dilindungi kata sandi (terenkripsi) sehingga tidak bisa dibaca; buka di Excel/LibreOffice, "
        "hapus kata sandi, simpan ulang sebagai .xlsx, lalu unggah lagi",
        "this workbook is password-protected (encrypted) and cannot be read; open it in Excel/LibreOffice, "
        "remove the password, save it again as .xlsx and upload it again");
  } else {
    p->Add(file, "xls_lama",
           std::string("berkas ini buku kerja Excel lama (.xls, Excel 97-2003), bukan .xlsx; ") + kSaveAsId +
               ", mis. di Excel: File > Simpan Sebagai > Buku Kerja Excel (*.xlsx)",
           std::string("this is a legacy Excel workbook (.xls, Excel 97-2003), not .xlsx; ") + kSaveAsEn +
               ", e.g. in Excel: File > Save As > Excel Workbook (*.xlsx)");
  }
}

// A text file named .xlsx, by what its first bytes (`head`, without a BOM) look like: an XML Spreadsheet 2003, a
// web page, a CSV, or plain text.
void AddTextFileProblem(std::string_view head, const std::string& file, Problems* p) {
  const std::string_view trimmed = Trim(head, kWhitespace);
  if (ContainsFold(head, "urn:schemas-microsoft-com:office:spreadsheet")) {
    p->Add(file, "bukan_xlsx", "berkas ini Lembar Kerja XML 2003, bukan .xlsx; " + std::string(kSaveAsId),
           "this file is an XML Spreadsheet 2003, not .xlsx; " + std::string(kSaveAsEn));
  } else if (ContainsFold(head, "<html") || ContainsFold(head, "<table")) {
    p->Add(file, "bukan_xlsx", "berkas ini halaman web (HTML) yang diberi nama .xlsx; " + std::string(kSaveAsId),
           "this file is a web page (HTML) named .xlsx; " + std::string(kSaveAsEn));
  } else if (!trimmed.empty() && trimmed.front() != '<' &&
             head.substr(0, head.find('\n')).find_first_of(",;\t") != std::string_view::npos) {
    p->Add(file, "bukan_xlsx",
           "berkas ini teks/CSV, bukan buku kerja Excel; beri nama .csv (atau buka di Excel lalu simpan sebagai "
           "Buku Kerja Excel .xlsx)",
           "this file is text/CSV, not an Excel workbook; name it .csv (or open it in Excel and save it as an Excel "
           "Workbook .xlsx)");
  } else {
    p->Add(file, "bukan_xlsx", "berkas ini teks biasa, bukan buku kerja Excel (.xlsx); unggah berkas .xlsx-nya",
           "this file is plain text, not an Excel workbook (.xlsx); upload the .xlsx file");
  }
}

// Tells the wrong kinds of file apart from the first bytes, before anything is unzipped. True when the bytes may be
// a zip (the reading goes on); false with one problem otherwise.
bool SniffFileType(std::string_view bytes, const std::string& file, Problems* p) {
  if (bytes.empty()) {
    p->Add(file, "bukan_xlsx", "berkas kosong (0 bita); unggah ulang berkas .xlsx-nya",
           "the file is empty (0 bytes); upload the .xlsx file again");
    return false;
  }
  if (StartsWith(bytes, kOle2Magic)) {
    AddOle2Problem(bytes, file, p);
    return false;
  }
  if (StartsWith(bytes, "%PDF")) {
    p->Add(
        file, "bukan_xlsx",
        "berkas ini PDF, bukan buku kerja Excel; unggah berkas .xlsx aslinya (PDF tidak bisa dibaca angkanya)",
        "this file is a PDF, not an Excel workbook; upload the original .xlsx (the figures of a PDF cannot be read)");
    return false;
  }
  if (StartsWith(bytes, "\x89PNG") || StartsWith(bytes, "\xFF\xD8\xFF")) {
    p->Add(file, "bukan_xlsx", "berkas ini gambar (foto/pindaian), bukan buku kerja Excel; unggah berkas .xlsx-nya",
           "this file is an image (photo/scan), not an Excel workbook; upload the .xlsx file");
    return false;
  }
  if (bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' &&
      ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6) || (bytes[2] == 7 && bytes[3] == 8))) {
    return true;
  }
  std::string_view head = bytes.substr(0, kSniffBytes);
  if (StartsWith(head, "\xFF\xFE") || StartsWith(head, "\xFE\xFF")) {
    // Excel's "Unicode Text" export: UTF-16 with a byte-order mark, tab-separated.
    p->Add(
        file, "bukan_xlsx",
        "berkas ini teks Unicode (UTF-16, mis. 'Teks Unicode' dari Excel), bukan buku kerja; " + std::string(kSaveAsId),
        "this file is Unicode (UTF-16) text (e.g. Excel's 'Unicode Text'), not a workbook; " + std::string(kSaveAsEn));
    return false;
  }
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  if (LooksLikeText(head)) {
    AddTextFileProblem(head, file, p);
    return false;
  }
  p->Add(file, "bukan_xlsx",
         "berkas ini bukan buku kerja Excel (.xlsx): isinya tidak dikenali; simpan laporan dari Excel atau LibreOffice "
         "sebagai Buku Kerja Excel (.xlsx) lalu unggah lagi",
         "this file is not an Excel workbook (.xlsx): its content is not recognised; save the laporan from Excel or "
         "LibreOffice as an Excel Workbook (.xlsx) and upload it again");
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// XML: the few element names the reader acts on, compared by local name (a part may write "x:c" for "c").

enum class Tag : uint8_t {
  kOther,
  kWorkbookPr,
  kSheets,
  kSheet,
  kRelationship,
  kSst,
  kSi,
  kR,
  kRPh,
  kT,
  kSheetData,
  kRow,
  kC,
  kV,
  kF,
  kIs,
};

std::string_view LocalName(const XML_Char* name) {
  std::string_view n(name);
  const size_t colon = n.rfind(':');
  if (colon != std::string_view::npos) n.remove_prefix(colon + 1);
  return n;
}

Tag TagOf(const XML_Char* name) {
  static constexpr std::pair<std::string_view, Tag> kTags[] = {
      {"c", Tag::kC},           {"v", Tag::kV},
      {"row", Tag::kRow},       {"f", Tag::kF},
      {"t", Tag::kT},           {"r", Tag::kR},
      {"si", Tag::kSi},         {"is", Tag::kIs},
      {"rPh", Tag::kRPh},       {"sheet", Tag::kSheet},
      {"sst", Tag::kSst},       {"sheetData", Tag::kSheetData},
      {"sheets", Tag::kSheets}, {"Relationship", Tag::kRelationship},
      {"workbookPr", Tag::kWorkbookPr},
  };
  const std::string_view local = LocalName(name);
  for (const auto& [text, tag] : kTags) {
    if (text == local) return tag;
  }
  return Tag::kOther;
}

const char* Attr(const XML_Char** atts, std::string_view local) {
  for (; atts[0] != nullptr; atts += 2) {
    if (LocalName(atts[0]) == local) return atts[1];
  }
  return nullptr;
}

// ECMA-376 Part 1, ST_Xstring: a character XML cannot carry (a control character such as CR) is written _xHHHH_, and
// a literal "_x" that would read as such an escape has its underscore written _x005F_. Decoded as Excel does.
void DecodeXstring(std::string* s) {
  if (s->find("_x") == std::string::npos) return;
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s->size());
  const std::string& in = *s;
  for (size_t i = 0; i < in.size();) {
    if (in[i] == '_' && i + 7 <= in.size() && in[i + 1] == 'x' && in[i + 6] == '_') {
      int cp = 0;
      bool ok = true;
      for (size_t k = 2; k < 6 && ok; ++k) {
        const int h = hex(in[i + k]);
        ok = h >= 0;
        cp = cp * 16 + h;
      }
      // NUL and lone surrogates have no UTF-8 form worth keeping; such an escape stays as written.
      if (ok && cp != 0 && (cp < 0xD800 || cp > 0xDFFF)) {
        if (cp < 0x80) {
          out += char(cp);
        } else if (cp < 0x800) {
          out += char(0xC0 | (cp >> 6));
          out += char(0x80 | (cp & 0x3F));
        } else {
          out += char(0xE0 | (cp >> 12));
          out += char(0x80 | ((cp >> 6) & 0x3F));
          out += char(0x80 | (cp & 0x3F));
        }
        i += 7;
        continue;
      }
    }
    out += in[i++];
  }
  *s = std::move(out);
}

// Row number of <row r="14">: digits only, within Excel's grid.
bool ParseRowNumber(std::string_view s, uint32_t* row) {
  if (s.empty() || s.size() > 7) return false;
  uint32_t v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + uint32_t(c - '0');
  }
  if (v < 1 || v > kExcelMaxRows) return false;
  *row = v;
  return true;
}

class ParseContext;

// One part's reader: told of the elements the reader knows (with the stack of their ancestors in the context) and
// of character data.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(ParseContext& ctx, Tag tag, const XML_Char** atts) = 0;
  virtual void End(ParseContext& ctx, Tag tag) = 0;
  virtual void Text(ParseContext& ctx, std::string_view text) = 0;
};

struct ReadState {
  const XlsxLimits& limits;
  const std::string& file;
  Problems* problems;
  size_t total_inflated = 0;  // bytes of all parts read so far
  size_t cells = 0;           // cells kept across the workbook
  size_t text_bytes = 0;      // text kept across the workbook (one shared string may be copied into many cells)
  bool fatal = false;         // a problem that stops the reading was reported
};

class ParseContext {
 public:
  ParseContext(ReadState* state, XML_Parser parser, std::string part, XmlHandler* handler)
      : state_(state), parser_(parser), part_(std::move(part)), handler_(handler) {}

  ReadState& state() { return *state_; }
  const XlsxLimits& limits() const { return state_->limits; }
  const std::string& part() const { return part_; }
  bool stopped() const { return stopped_; }

  // The tag `up` levels above the current element (0: the element itself); kOther above the root.
  Tag Up(size_t up) const { return up < stack_.size() ? stack_[stack_.size() - 1 - up] : Tag::kOther; }

  // Reports a problem that ends the reading of the whole file, and stops the parser.
  void Fail(std::string path, std::string code, std::string pesan, std::string message) {
    state_->problems->Add(std::move(path), std::move(code), std::move(pesan), std::move(message));
    Stop();
  }
  void FailLimit(const std::string& path, const char* limit, uint64_t value, const std::string& what_id,
                 const std::string& what_en) {
    LimitProblem(state_->problems, path, limit, value, what_id, what_en);
    Stop();
  }
  // Stops after a problem already reported.
  void Stop() {
    state_->fatal = true;
    if (!stopped_) {
      stopped_ = true;
      XML_StopParser(parser_, XML_FALSE);
    }
  }

  // The expat callbacks. None lets an exception through: expat is C, and unwinding through it is not defined.
  static void OnStart(void* data, const XML_Char* name, const XML_Char** atts) {
    auto* ctx = static_cast<ParseContext*>(data);
    if (ctx->stopped_) return;
    try {
      if (ctx->stack_.size() >= ctx->limits().max_xml_depth) {
        ctx->FailLimit(ctx->state().file, "max_xml_depth", ctx->limits().max_xml_depth,
                       "kedalaman elemen XML di " + ctx->part_, "the XML element nesting in " + ctx->part_);
        return;
      }
      const Tag tag = TagOf(name);
      ctx->stack_.push_back(tag);
      ctx->handler_->Start(*ctx, tag, atts);
    } catch (const std::bad_alloc&) {
      ctx->OutOfMemory();
    }
  }
  static void OnEnd(void* data, const XML_Char*) {
    auto* ctx = static_cast<ParseContext*>(data);
    if (ctx->stopped_ || ctx->stack_.empty()) return;
    try {
      ctx->handler_->End(*ctx, ctx->stack_.back());
      ctx->stack_.pop_back();
    } catch (const std::bad_alloc&) {
      ctx->OutOfMemory();
    }
  }
  static void OnText(void* data, const XML_Char* s, int len) {
    auto* ctx = static_cast<ParseContext*>(data);
    if (ctx->stopped_ || len <= 0) return;
    try {
      ctx->handler_->Text(*ctx, std::string_view(s, size_t(len)));
    } catch (const std::bad_alloc&) {
      ctx->OutOfMemory();
    }
  }
  // A DTD is never part of an OOXML part; refusing any DOCTYPE blocks entity expansion bombs ("billion laughs") and
  // external entities before they are declared.
  static void OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<ParseContext*>(data)->RefuseDtd();
  }
  static void OnEntityDecl(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                           const XML_Char*, const XML_Char*) {
    static_cast<ParseContext*>(data)->RefuseDtd();
  }

 private:
  void RefuseDtd() {
    if (stopped_) return;
    try {
      Fail(state_->file, "xml_rusak",
           "bagian " + part_ +
               " memuat deklarasi DOCTYPE/entitas, yang tidak pernah ada di berkas .xlsx yang sah; "
               "berkas ditolak demi keamanan. " +
               kSaveAsId,
           "part " + part_ +
               " holds a DOCTYPE/entity declaration, which a valid .xlsx never has; the file is refused "
               "for safety. " +
               kSaveAsEn);
    } catch (const std::bad_alloc&) {
      OutOfMemory();
    }
  }
  void OutOfMemory() {
    try {
      state_->problems->Add(state_->file, "melebihi_batas", "memori tidak cukup untuk membaca " + part_,
                            "not enough memory to read " + part_);
    } catch (...) {
    }
    Stop();
  }

  ReadState* state_;
  XML_Parser parser_;
  std::string part_;
  XmlHandler* handler_;
  std::vector<Tag> stack_;
  bool stopped_ = false;
};

// ---------------------------------------------------------------------------------------------------------------
// The parts.

struct Relationship {
  std::string id, type, target;
  bool external = false;
};

class RelsHandler : public XmlHandler {
 public:
  std::vector<Relationship> rels;

  void Start(ParseContext& ctx, Tag tag, const XML_Char** atts) override {
    if (tag != Tag::kRelationship) return;
    // A relationship names a part, and there are at most max_entries of those: more is not a real workbook.
    if (rels.size() >= ctx.limits().max_entries) {
      ctx.FailLimit(ctx.state().file, "max_entries", ctx.limits().max_entries, "jumlah relasi di " + ctx.part(),
                    "the number of relationships in " + ctx.part());
      return;
    }
    const char* id = Attr(atts, "Id");
    const char* type = Attr(atts, "Type");
    const char* target = Attr(atts, "Target");
    const char* mode = Attr(atts, "TargetMode");
    if (id == nullptr || target == nullptr) return;
    rels.push_back(
        Relationship{id, type != nullptr ? type : "", target, mode != nullptr && std::string_view(mode) == "External"});
  }
  void End(ParseContext&, Tag) override {}
  void Text(ParseContext&, std::string_view) override {}

  const Relationship* ById(std::string_view id) const {
    for (const Relationship& r : rels) {
      if (r.id == id) return &r;
    }
    return nullptr;
  }
  // The first relationship whose type ends with "/officeDocument", "/sharedStrings", ... (transitional and strict
  // OOXML differ only in the namespace before it).
  const Relationship* ByType(std::string_view suffix) const {
    for (const Relationship& r : rels) {
      if (!r.external && EndsWith(r.type, suffix)) return &r;
    }
    return nullptr;
  }
};

struct SheetEntry {
  std::string name, rid;
};

class WorkbookHandler : public XmlHandler {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;

  void Start(ParseContext& ctx, Tag tag, const XML_Char** atts) override {
    if (tag == Tag::kWorkbookPr) {
      const char* d = Attr(atts, "date1904");
      date1904 = d != nullptr && (std::string_view(d) == "1" || std::string_view(d) == "true");
      return;
    }
    if (tag != Tag::kSheet || ctx.Up(1) != Tag::kSheets) return;
    if (sheets.size() >= ctx.limits().max_sheets) {
      ctx.FailLimit(ctx.state().file, "max_sheets", ctx.limits().max_sheets, "jumlah lembar kerja",
                    "the number of sheets");
      return;
    }
    const char* name = Attr(atts, "name");
    const char* rid = Attr(atts, "id");  // r:id
    if (name == nullptr || rid == nullptr) {
      ctx.Fail(ctx.state().file, "xml_rusak",
               "daftar lembar di " + ctx.part() + " rusak (lembar tanpa nama atau r:id). " + kSaveAsId,
               "the sheet list in " + ctx.part() + " is damaged (a sheet without a name or r:id). " + kSaveAsEn);
      return;
    }
    sheets.push_back(SheetEntry{name, rid});
  }
  void End(ParseContext&, Tag) override {}
  void Text(ParseContext&, std::string_view) override {}
};

class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(std::vector<std::string>* strings) : strings_(strings) {}

  void Start(ParseContext& ctx, Tag tag, const XML_Char**) override {
    if (tag == Tag::kSi && ctx.Up(1) == Tag::kSst) {
      if (strings_->size() >= ctx.limits().max_shared_strings) {
        ctx.FailLimit(ctx.state().file, "max_shared_strings", ctx.limits().max_shared_strings,
                      "jumlah teks bersama (shared strings)", "the number of shared strings");
        return;
      }
      in_si_ = true;
      current_.clear();
    } else if (tag == Tag::kT && in_si_) {
      // <si><t> or a rich-text run <si><r><t>; the phonetic guide <si><rPh><t> is not part of the text.
      collecting_ = ctx.Up(1) == Tag::kSi || (ctx.Up(1) == Tag::kR && ctx.Up(2) == Tag::kSi);
    }
  }
  void End(ParseContext&, Tag tag) override {
    if (tag == Tag::kT) {
      collecting_ = false;
    } else if (tag == Tag::kSi && in_si_) {
      in_si_ = false;
      DecodeXstring(&current_);
      strings_->push_back(std::move(current_));
      current_.clear();
    }
  }
  void Text(ParseContext& ctx, std::string_view text) override {
    if (!collecting_) return;
    if (current_.size() + text.size() > ctx.limits().max_text_bytes) {
      ctx.FailLimit(ctx.state().file, "max_text_bytes", ctx.limits().max_text_bytes,
                    "teks bersama nomor " + std::to_string(strings_->size()) + " (bita)",
                    "shared string number " + std::to_string(strings_->size()) + " (bytes)");
      return;
    }
    current_.append(text);
  }

 private:
  std::vector<std::string>* strings_;
  std::string current_;
  bool in_si_ = false;
  bool collecting_ = false;
};

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>* shared, XlsxSheet* sheet) : shared_(shared), sheet_(sheet) {}

  void Start(ParseContext& ctx, Tag tag, const XML_Char** atts) override {
    switch (tag) {
      case Tag::kRow:
        if (ctx.Up(1) == Tag::kSheetData) StartRow(ctx, atts);
        break;
      case Tag::kC:
        if (ctx.Up(1) == Tag::kRow && ctx.Up(2) == Tag::kSheetData) StartCell(ctx, atts);
        break;
      case Tag::kV:
        if (in_cell_ && ctx.Up(1) == Tag::kC) {
          have_v_ = true;
          v_.clear();
          collect_ = &v_;
        }
        break;
      case Tag::kF:
        if (in_cell_ && ctx.Up(1) == Tag::kC) has_formula_ = true;
        break;
      case Tag::kIs:
        if (in_cell_ && ctx.Up(1) == Tag::kC) {
          have_is_ = true;
          is_.clear();
        }
        break;
      case Tag::kT:
        // <is><t> or a rich-text run <is><r><t>; not the phonetic <is><rPh><t>.
        if (in_cell_ && (ctx.Up(1) == Tag::kIs || (ctx.Up(1) == Tag::kR && ctx.Up(2) == Tag::kIs))) collect_ = &is_;
        break;
      default:
        break;
    }
  }

  void End(ParseContext& ctx, Tag tag) override {
    switch (tag) {
      case Tag::kV:
      case Tag::kT:
        collect_ = nullptr;
        break;
      case Tag::kC:
        if (in_cell_) EndCell(ctx);
        break;
      case Tag::kRow:
        last_row_ = row_;
        break;
      default:
        break;
    }
  }

  void Text(ParseContext& ctx, std::string_view text) override {
    if (collect_ == nullptr) return;
    if (collect_->size() + text.size() > ctx.limits().max_text_bytes) {
      ctx.FailLimit(CellPath(ctx), "max_text_bytes", ctx.limits().max_text_bytes, Where() + "teks sel (bita)",
                    Where(true) + "the cell's text (bytes)");
      return;
    }
    collect_->append(text);
  }

 private:
  enum class CellType : uint8_t { kNumber, kShared, kStr, kInline, kBool, kError, kDate };

  std::string Where(bool en = false) const { return (en ? "sheet '" : "lembar '") + sheet_->name + "': "; }
  std::string CellPath(ParseContext& ctx) const { return ctx.state().file + "!" + CellRef(cell_row_, cell_col_); }

  void StartRow(ParseContext& ctx, const XML_Char** atts) {
    const char* r = Attr(atts, "r");
    if (r == nullptr) {
      row_ = last_row_ < UINT32_MAX ? last_row_ + 1 : last_row_;
    } else if (!ParseRowNumber(r, &row_)) {
      ctx.Fail(ctx.state().file, "xml_rusak",
               Where() + "nomor baris tidak sah: '" + std::string(r).substr(0, 20) + "'. " + kSaveAsId,
               Where(true) + "invalid row number: '" + std::string(r).substr(0, 20) + "'. " + kSaveAsEn);
      return;
    }
    last_row_ = row_;
    col_ = 0;
  }

  void StartCell(ParseContext& ctx, const XML_Char** atts) {
    in_cell_ = true;
    have_v_ = have_is_ = has_formula_ = false;
    v_.clear();
    is_.clear();
    collect_ = nullptr;
    const char* r = Attr(atts, "r");
    if (r == nullptr) {
      // Some writers leave out r: the cell is the one after the previous cell of the row.
      cell_row_ = row_ == 0 ? 1 : row_;
      cell_col_ = col_ < UINT32_MAX ? col_ + 1 : col_;
    } else if (ParseCellRef(r, &cell_row_, &cell_col_)) {
      row_ = last_row_ = cell_row_;
    } else {
      ctx.Fail(ctx.state().file, "xml_rusak",
               Where() + "alamat sel tidak sah: '" + std::string(r).substr(0, 20) + "'. " + kSaveAsId,
               Where(true) + "invalid cell reference: '" + std::string(r).substr(0, 20) + "'. " + kSaveAsEn);
      return;
    }
    col_ = cell_col_;
    const char* t = Attr(atts, "t");
    const std::string_view type = t != nullptr ? std::string_view(t) : std::string_view("n");
    if (type == "s") {
      type_ = CellType::kShared;
    } else if (type == "str") {
      type_ = CellType::kStr;
    } else if (type == "inlineStr") {
      type_ = CellType::kInline;
    } else if (type == "b") {
      type_ = CellType::kBool;
    } else if (type == "e") {
      type_ = CellType::kError;
    } else if (type == "d") {
      type_ = CellType::kDate;
    } else {
      type_ = CellType::kNumber;
    }
  }

  void EndCell(ParseContext& ctx) {
    in_cell_ = false;
    collect_ = nullptr;
    XlsxCell cell;
    cell.row = cell_row_;
    cell.col = cell_col_;
    cell.from_formula = has_formula_;
    if (has_formula_ && !have_v_ && !have_is_ && sheet_->uncached_formulas.size() < ctx.limits().max_cells) {
      sheet_->uncached_formulas.emplace_back(cell_row_, cell_col_);
    }
    switch (type_) {
      case CellType::kNumber: {
        const std::string_view v = Trim(v_, kWhitespace);
        if (!have_v_ || v.empty()) return;  // a formula without a cached value (listed above), or a styled empty cell
        cell.type = XlsxCell::Type::kNumber;
        cell.text.assign(v);
        break;
      }
      case CellType::kShared:
        if (!have_v_ || !SharedStringCell(ctx, &cell)) return;
        break;
      case CellType::kStr:
      case CellType::kDate:
        if (!have_v_) return;
        cell.type = XlsxCell::Type::kString;
        cell.text = std::move(v_);
        if (type_ == CellType::kStr) DecodeXstring(&cell.text);
        break;
      case CellType::kInline:
        if (have_is_) {
          cell.text = std::move(is_);
        } else if (have_v_) {
          cell.text = std::move(v_);
        } else {
          return;
        }
        cell.type = XlsxCell::Type::kString;
        DecodeXstring(&cell.text);
        break;
      case CellType::kBool:
        if (!have_v_ || !BooleanCell(ctx, &cell)) return;
        break;
      case CellType::kError:
        if (!have_v_) return;
        cell.type = XlsxCell::Type::kError;
        cell.text.assign(Trim(v_, kWhitespace));
        break;
    }
    Keep(ctx, std::move(cell));
  }

  // A shared-string cell: the string its <v> numbers. False (with a problem) when there is no such string.
  bool SharedStringCell(ParseContext& ctx, XlsxCell* cell) {
    uint32_t index = 0;
    const std::string_view v = Trim(v_, kWhitespace);
    bool ok = !v.empty() && v.size() <= 9;
    for (const char c : v) {
      ok = ok && c >= '0' && c <= '9';
      if (ok) index = index * 10 + uint32_t(c - '0');
    }
    if (!ok || index >= shared_->size()) {
      ctx.state().problems->Add(CellPath(ctx), "xml_rusak",
                                Where() + "sel merujuk teks bersama nomor '" + std::string(v.substr(0, 12)) +
                                    "' yang tidak ada (ada " + std::to_string(shared_->size()) + "). " + kSaveAsId,
                                Where(true) + "the cell refers to shared string '" + std::string(v.substr(0, 12)) +
                                    "', which does not exist (there are " + std::to_string(shared_->size()) +
                                    "). " + kSaveAsEn);
      return false;
    }
    cell->type = XlsxCell::Type::kString;
    cell->text = (*shared_)[index];
    return true;
  }

  // A boolean cell, "1" or "0" whichever way it is written. False (with a problem) when it is neither.
  bool BooleanCell(ParseContext& ctx, XlsxCell* cell) {
    const std::string_view v = Trim(v_, kWhitespace);
    if (v == "1" || v == "true") {
      cell->text = "1";
    } else if (v == "0" || v == "false") {
      cell->text = "0";
    } else {
      ctx.state().problems->Add(CellPath(ctx), "xml_rusak",
                                Where() + "nilai benar/salah tidak sah: '" + std::string(v.substr(0, 20)) + "'",
                                Where(true) + "invalid boolean value: '" + std::string(v.substr(0, 20)) + "'");
      return false;
    }
    cell->type = XlsxCell::Type::kBoolean;
    return true;
  }

  // Limits are checked on cells that hold a value: an empty formatted cell far down a sheet is common and harmless.
  void Keep(ParseContext& ctx, XlsxCell cell) {
    ReadState& st = ctx.state();
    const XlsxLimits& lim = ctx.limits();
    if (cell.row > lim.max_rows) {
      ctx.FailLimit(CellPath(ctx), "max_rows", lim.max_rows, Where() + "nomor baris " + std::to_string(cell.row),
                    Where(true) + "row number " + std::to_string(cell.row));
      return;
    }
    if (cell.col > lim.max_cols) {
      ctx.FailLimit(CellPath(ctx), "max_cols", lim.max_cols, Where() + "nomor kolom " + std::to_string(cell.col),
                    Where(true) + "column number " + std::to_string(cell.col));
      return;
    }
    if (st.cells >= lim.max_cells) {
      ctx.FailLimit(CellPath(ctx), "max_cells", lim.max_cells, "jumlah sel berisi di seluruh buku kerja",
                    "the number of filled cells in the whole workbook");
      return;
    }
    // One long shared string copied into a million cells would take far more memory than the file: the text kept
    // is bounded like the text inflated.
    if (cell.text.size() > lim.max_total_uncompressed - std::min(st.text_bytes, lim.max_total_uncompressed)) {
      ctx.FailLimit(CellPath(ctx), "max_total_uncompressed", lim.max_total_uncompressed, "jumlah teks semua sel (bita)",
                    "the text of all cells together (bytes)");
      return;
    }
    ++st.cells;
    st.text_bytes += cell.text.size();
    sheet_->cells.push_back(std::move(cell));
  }

  const std::vector<std::string>* shared_;
  XlsxSheet* sheet_;
  uint32_t row_ = 0, last_row_ = 0, col_ = 0;
  bool in_cell_ = false, have_v_ = false, have_is_ = false, has_formula_ = false;
  uint32_t cell_row_ = 0, cell_col_ = 0;
  CellType type_ = CellType::kNumber;
  std::string v_, is_;
  std::string* collect_ = nullptr;  // where character data goes now, if anywhere
};

// ---------------------------------------------------------------------------------------------------------------
// The container.

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct ParserFree {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

// "xl/worksheets/sheet1.xml" from the directory of the part that names it ("xl/") and a relationship target
// ("worksheets/sheet1.xml", "../xl/x.xml" or the absolute "/xl/worksheets/sheet1.xml").
std::string ResolveTarget(std::string_view base_dir, std::string_view target) {
  std::string joined;
  if (!target.empty() && (target.front() == '/' || target.front() == '\\')) {
    joined.assign(target.substr(1));
  } else {
    joined.assign(base_dir);
    joined.append(target);
  }
  std::replace(joined.begin(), joined.end(), '\\', '/');
  std::vector<std::string_view> parts;
  std::string_view rest(joined);
  while (!rest.empty()) {
    const size_t slash = rest.find('/');
    const std::string_view seg = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(seg);
  }
  std::string out;
  for (const std::string_view seg : parts) {
    if (!out.empty()) out += '/';
    out.append(seg);
  }
  return out;
}

std::string DirOf(std::string_view part) {
  const size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// "xl/_rels/workbook.xml.rels" for "xl/workbook.xml".
std::string RelsPathOf(std::string_view part) {
  const size_t slash = part.rfind('/');
  const std::string_view dir = slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
  const std::string_view base = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(dir) + "_rels/" + std::string(base) + ".rels";
}

// libzip's reason in Indonesian for the common cases (its own text, in English, goes into the English message).
std::string ZipReasonId(int zip_error_code, const std::string& english) {
  switch (zip_error_code) {
    case ZIP_ER_NOZIP:
      return "daftar isi zip tidak ditemukan";
    case ZIP_ER_INCONS:
      return "isi zip tidak konsisten";
    case ZIP_ER_CRC:
      return "CRC tidak cocok";
    case ZIP_ER_ZLIB:
    case ZIP_ER_COMPRESSED_DATA:
      return "data terkompresi rusak";
    case ZIP_ER_EOF:
      return "berkas berakhir sebelum waktunya";
    default:
      return english;
  }
}

class XlsxReader {
 public:
  explicit XlsxReader(ReadState* state) : st_(*state) {}

  bool Read(std::string_view bytes, XlsxWorkbook* wb) {
    if (!Open(bytes)) return false;
    std::string workbook_part;
    if (!FindWorkbook(&workbook_part)) return false;
    return ReadWorkbook(workbook_part, wb);
  }

 private:
  void Damaged(const std::string& detail_id, const std::string& detail_en) {
    st_.problems->Add(st_.file, "zip_rusak",
                      "berkas .xlsx rusak atau terpotong (" + detail_id +
                          "); mungkin unggahan tidak selesai: simpan ulang dari Excel dan unggah lagi",
                      "the .xlsx file is damaged or truncated (" + detail_en +
                          "); perhaps the upload did not finish: save it again from Excel and upload it again");
    st_.fatal = true;
  }

  void DamagedZip(const std::string& part, zip_error_t* error) {
    const std::string why = zip_error_strerror(error);
    Damaged(part + ": " + ZipReasonId(zip_error_code_zip(error), why), part + ": " + why);
  }

  bool Open(std::string_view bytes) {
    if (bytes.size() > st_.limits.max_file_bytes) {
      LimitProblem(st_.problems, st_.file, "max_file_bytes", st_.limits.max_file_bytes,
                   "ukuran berkas (" + std::to_string(bytes.size()) + " bita)",
                   "the file size (" + std::to_string(bytes.size()) + " bytes)");
      return false;
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      const std::string why = zip_error_strerror(&error);
      Damaged(ZipReasonId(zip_error_code_zip(&error), why), why);
      zip_error_fini(&error);
      return false;
    }
    zip_t* za = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (za == nullptr) {
      zip_source_free(source);  // not taken over when the open fails
      const std::string why = zip_error_strerror(&error);
      const int code = zip_error_code_zip(&error);
      zip_error_fini(&error);
      Damaged(ZipReasonId(code, why), why);
      return false;
    }
    zip_error_fini(&error);
    zip_.reset(za);
    const zip_int64_t n = zip_get_num_entries(za, 0);
    if (n < 0 || uint64_t(n) > st_.limits.max_entries) {
      LimitProblem(st_.problems, st_.file, "max_entries", st_.limits.max_entries,
                   "jumlah berkas di dalam zip (" + std::to_string(n) + ")",
                   "the number of files inside the zip (" + std::to_string(n) + ")");
      return false;
    }
    return true;
  }

  zip_int64_t Locate(const std::string& name) const {
    // OPC part names compare without regard to case.
    return zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
  }

  void NotAWorkbook(const std::string& what_id, const std::string& what_en) {
    st_.problems->Add(st_.file, "bukan_lembar_kerja", what_id, what_en);
    st_.fatal = true;
  }

  // Tells a workbook from the other kinds of zip (OpenDocument, Word, PowerPoint, binary .xlsb) and finds the
  // workbook part: the officeDocument of the package's relationships, else the customary xl/workbook.xml.
  bool FindWorkbook(std::string* workbook_part) {
    const zip_int64_t mimetype = Locate("mimetype");
    if (mimetype >= 0) {
      std::string type;
      if (!ReadSmall(mimetype, "mimetype", kMaxMimetypeBytes, &type)) return false;
      if (type.find("opendocument.spreadsheet") != std::string::npos) {
        NotAWorkbook(
            "berkas ini lembar kerja OpenDocument (.ods), bukan .xlsx; buka di LibreOffice Calc lalu simpan "
            "ulang sebagai Buku Kerja Excel 2007-365 (.xlsx)",
            "this file is an OpenDocument spreadsheet (.ods), not .xlsx; open it in LibreOffice Calc and save "
            "it again as Excel 2007-365 Workbook (.xlsx)");
        return false;
      }
      if (type.find("opendocument") != std::string::npos) {
        NotAWorkbook(
            "berkas ini dokumen OpenDocument (mis. .odt), bukan lembar kerja; laporan harus berupa buku kerja "
            ".xlsx",
            "this file is an OpenDocument document (e.g. .odt), not a spreadsheet; the laporan must be an .xlsx "
            "workbook");
        return false;
      }
    }
    if (Locate("word/document.xml") >= 0) {
      NotAWorkbook("berkas ini dokumen Word (.docx), bukan lembar kerja Excel; isi laporan di templat Excel (.xlsx)",
                   "this file is a Word document (.docx), not an Excel spreadsheet; fill in the laporan in the Excel "
                   "template (.xlsx)");
      return false;
    }
    if (Locate("ppt/presentation.xml") >= 0) {
      NotAWorkbook(
          "berkas ini presentasi PowerPoint (.pptx), bukan lembar kerja Excel; isi laporan di templat Excel "
          "(.xlsx)",
          "this file is a PowerPoint presentation (.pptx), not an Excel spreadsheet; fill in the laporan in "
          "the Excel template (.xlsx)");
      return false;
    }
    if (Locate("xl/workbook.bin") >= 0) {
      NotAWorkbook("berkas ini Buku Kerja Biner Excel (.xlsb), bukan .xlsx; " + std::string(kSaveAsId),
                   "this file is an Excel Binary Workbook (.xlsb), not .xlsx; " + std::string(kSaveAsEn));
      return false;
    }
    const zip_int64_t root_rels = Locate("_rels/.rels");
    if (root_rels >= 0) {
      RelsHandler rels;
      if (!ParsePart(root_rels, "_rels/.rels", &rels)) return false;
      const Relationship* doc = rels.ByType("/officeDocument");
      if (doc != nullptr) {
        const std::string part = ResolveTarget("", doc->target);
        if (EndsWith(part, ".xml") && Locate(part) >= 0) {
          *workbook_part = part;
          return true;
        }
      }
    }
    if (Locate("xl/workbook.xml") >= 0) {
      *workbook_part = "xl/workbook.xml";
      return true;
    }
    if (mimetype >= 0 || Locate("content.xml") >= 0) {
      NotAWorkbook("berkas ini tampaknya dokumen OpenDocument, bukan .xlsx; " + std::string(kSaveAsId),
                   "this file looks like an OpenDocument file, not .xlsx; " + std::string(kSaveAsEn));
      return false;
    }
    NotAWorkbook(
        "berkas ini zip tetapi bukan buku kerja Excel (tidak ada xl/workbook.xml); simpan laporan dari Excel "
        "sebagai Buku Kerja Excel (.xlsx) lalu unggah lagi",
        "this file is a zip but not an Excel workbook (there is no xl/workbook.xml); save the laporan from "
        "Excel as an Excel Workbook (.xlsx) and upload it again");
    return false;
  }

  bool ReadWorkbook(const std::string& workbook_part, XlsxWorkbook* wb) {
    WorkbookHandler workbook;
    if (!ParsePart(Locate(workbook_part), workbook_part, &workbook)) return false;
    if (workbook.sheets.empty()) {
      st_.problems->Add(st_.file, "xml_rusak",
                        "buku kerja tidak memuat satu lembar pun (" + workbook_part + "). " + kSaveAsId,
                        "the workbook holds no sheet (" + workbook_part + "). " + kSaveAsEn);
      return false;
    }
    RelsHandler rels;
    const std::string rels_part = RelsPathOf(workbook_part);
    const zip_int64_t rels_index = Locate(rels_part);
    if (rels_index < 0) {
      st_.problems->Add(st_.file, "xml_rusak",
                        "bagian " + rels_part + " tidak ada, sehingga lembar kerja tidak bisa ditemukan. " + kSaveAsId,
                        "part " + rels_part + " is missing, so the sheets cannot be found. " + kSaveAsEn);
      return false;
    }
    if (!ParsePart(rels_index, rels_part, &rels)) return false;
    const std::string base = DirOf(workbook_part);

    std::vector<std::string> shared;
    std::string sst_part;
    if (const Relationship* r = rels.ByType("/sharedStrings")) sst_part = ResolveTarget(base, r->target);
    zip_int64_t sst_index = sst_part.empty() ? -1 : Locate(sst_part);
    if (sst_index < 0) {
      sst_part = base + "sharedStrings.xml";
      sst_index = Locate(sst_part);
    }
    if (sst_index >= 0) {
      SharedStringsHandler handler(&shared);
      if (!ParsePart(sst_index, sst_part, &handler)) return false;
    }

    wb->date1904 = workbook.date1904;
    for (const SheetEntry& entry : workbook.sheets) {
      XlsxSheet sheet;
      sheet.name = entry.name;
      const Relationship* rel = rels.ById(entry.rid);
      const std::string part = rel != nullptr && !rel->external ? ResolveTarget(base, rel->target) : std::string();
      const zip_int64_t index = part.empty() ? -1 : Locate(part);
      if (index < 0) {
        st_.problems->Add(st_.file, "xml_rusak",
                          "isi lembar '" + entry.name + "' tidak ditemukan di dalam berkas (" +
                              (part.empty() ? "r:id " + entry.rid : part) + "). " + kSaveAsId,
                          "the content of sheet '" + entry.name + "' is not in the file (" +
                              (part.empty() ? "r:id " + entry.rid : part) + "). " + kSaveAsEn);
        continue;
      }
      // A chart sheet, dialog sheet or macro sheet is listed (its name is on a tab) but holds no cells to read.
      if (EndsWith(rel->type, "/worksheet") || rel->type.empty()) {
        SheetHandler handler(&shared, &sheet);
        if (!ParsePart(index, part, &handler)) return false;
      }
      wb->sheets.push_back(std::move(sheet));
    }
    return !st_.fatal;
  }

  // Opens one entry, with its declared size checked against the limits; null (reported) on failure.
  zip_file_t* OpenEntry(zip_int64_t index, const std::string& part) {
    zip_stat_t info;
    zip_stat_init(&info);
    if (zip_stat_index(zip_.get(), zip_uint64_t(index), 0, &info) != 0) {
      DamagedZip(part, zip_get_error(zip_.get()));
      return nullptr;
    }
    if ((info.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && info.encryption_method != ZIP_EM_NONE) {
      ZipEncrypted();
      return nullptr;
    }
    if ((info.valid & ZIP_STAT_SIZE) != 0) {
      if (info.size > st_.limits.max_part_bytes) {
        PartTooLarge(part);
        return nullptr;
      }
      if (info.size >
          st_.limits.max_total_uncompressed - std::min(st_.total_inflated, st_.limits.max_total_uncompressed)) {
        TotalTooLarge();
        return nullptr;
      }
    }
    zip_file_t* f = zip_fopen_index(zip_.get(), zip_uint64_t(index), 0);
    if (f == nullptr) {
      zip_error_t* e = zip_get_error(zip_.get());
      if (zip_error_code_zip(e) == ZIP_ER_NOPASSWD || zip_error_code_zip(e) == ZIP_ER_WRONGPASSWD) {
        ZipEncrypted();
      } else {
        DamagedZip(part, e);
      }
    }
    return f;
  }

  // A zip entry locked with a password (zip-level encryption, not an encrypted workbook).
  void ZipEncrypted() {
    st_.problems->Add(st_.file, "terenkripsi",
                      "isi zip ini dikunci kata sandi; buka di Excel/LibreOffice, hapus kata sandi, simpan ulang "
                      "sebagai .xlsx",
                      "the zip's content is password-protected; open it in Excel/LibreOffice, remove the password "
                      "and save it again as .xlsx");
    st_.fatal = true;
  }

  void PartTooLarge(const std::string& part) {
    LimitProblem(st_.problems, st_.file, "max_part_bytes", st_.limits.max_part_bytes,
                 "ukuran terurai bagian " + part + " (bita)", "the uncompressed size of part " + part + " (bytes)");
    st_.fatal = true;
  }
  void TotalTooLarge() {
    LimitProblem(st_.problems, st_.file, "max_total_uncompressed", st_.limits.max_total_uncompressed,
                 "jumlah ukuran terurai semua bagian yang dibaca (bita)",
                 "the uncompressed size of all parts read together (bytes)");
    st_.fatal = true;
  }

  // Inflates the next chunk of an entry, counting it against the limits whatever the entry declared (a declared
  // size can lie). Returns the byte count, 0 at the end, -1 on a problem (reported).
  zip_int64_t NextChunk(zip_file_t* f, const std::string& part, size_t* part_bytes, char* buffer) {
    const zip_int64_t n = zip_fread(f, buffer, kChunkBytes);
    if (n < 0) {
      DamagedZip(part, zip_file_get_error(f));
      return -1;
    }
    if (uint64_t(n) > st_.limits.max_part_bytes - *part_bytes) {
      PartTooLarge(part);
      return -1;
    }
    if (uint64_t(n) > st_.limits.max_total_uncompressed - st_.total_inflated) {
      TotalTooLarge();
      return -1;
    }
    *part_bytes += size_t(n);
    st_.total_inflated += size_t(n);
    return n;
  }

  bool ReadSmall(zip_int64_t index, const std::string& part, size_t max_bytes, std::string* out) {
    std::unique_ptr<zip_file_t, ZipFileClose> f(OpenEntry(index, part));
    if (!f) return false;
    std::vector<char> buffer(kChunkBytes);
    size_t part_bytes = 0;
    for (;;) {
      const zip_int64_t n = NextChunk(f.get(), part, &part_bytes, buffer.data());
      if (n < 0) return false;
      if (n == 0) return true;
      out->append(buffer.data(), std::min(size_t(n), max_bytes - std::min(out->size(), max_bytes)));
      if (out->size() >= max_bytes) return true;
    }
  }

  // Inflates one part chunk by chunk into expat, so that the part is never held whole.
  bool ParsePart(zip_int64_t index, const std::string& part, XmlHandler* handler) {
    std::unique_ptr<zip_file_t, ZipFileClose> f(OpenEntry(index, part));
    if (!f) return false;
    std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate(nullptr));
    if (!parser) throw std::bad_alloc();
    ParseContext ctx(&st_, parser.get(), part, handler);
    XML_SetUserData(parser.get(), &ctx);
    XML_SetElementHandler(parser.get(), &ParseContext::OnStart, &ParseContext::OnEnd);
    XML_SetCharacterDataHandler(parser.get(), &ParseContext::OnText);
    XML_SetStartDoctypeDeclHandler(parser.get(), &ParseContext::OnDoctype);
    XML_SetEntityDeclHandler(parser.get(), &ParseContext::OnEntityDecl);
    XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

    const size_t text = st_.limits.max_text_bytes;
    const size_t max_markup = std::max(kMinMarkupRunBytes, text > SIZE_MAX / 8 ? SIZE_MAX : text * 8);
    size_t markup_run = 0;  // bytes since the last '>'
    std::vector<char> buffer(kChunkBytes);
    size_t part_bytes = 0;
    for (;;) {
      const zip_int64_t n = NextChunk(f.get(), part, &part_bytes, buffer.data());
      if (n < 0) return false;
      const size_t gt = std::string_view(buffer.data(), size_t(n)).rfind('>');
      markup_run = gt == std::string_view::npos ? markup_run + size_t(n) : size_t(n) - gt - 1;
      if (markup_run > max_markup) {
        st_.problems->Add(st_.file, "xml_rusak",
                          "bagian " + part + " memuat penanda XML yang tak berujung (lebih dari " +
                              std::to_string(max_markup) + " bita tanpa '>')",
                          "part " + part + " holds endless XML markup (more than " + std::to_string(max_markup) +
                              " bytes without '>')");
        st_.fatal = true;
        return false;
      }
      if (XML_Parse(parser.get(), buffer.data(), int(n), n == 0 ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
        if (!ctx.stopped()) {
          const unsigned long line = XML_GetCurrentLineNumber(parser.get());
          const std::string error = XML_ErrorString(XML_GetErrorCode(parser.get()));
          st_.problems->Add(
              st_.file, "xml_rusak",
              "XML rusak di bagian " + part + " baris " + std::to_string(line) + " (" + error + "). " + kSaveAsId,
              "damaged XML in part " + part + " at line " + std::to_string(line) + " (" + error + "). " + kSaveAsEn);
          st_.fatal = true;
        }
        return false;
      }
      if (ctx.stopped()) return false;
      if (n == 0) return true;
    }
  }

  ReadState& st_;
  std::unique_ptr<zip_t, ZipDiscard> zip_;
};

}  // namespace

bool ReadXlsx(std::string_view bytes, const std::string& file_name, const XlsxLimits& limits, XlsxWorkbook* out,
              Problems* problems) {
  out->sheets.clear();
  out->date1904 = false;
  const size_t before = problems->size();
  try {
    if (!SniffFileType(bytes, file_name, problems)) return false;
    ReadState state{limits, file_name, problems};
    XlsxWorkbook wb;
    XlsxReader reader(&state);
    if (!reader.Read(bytes, &wb) || state.fatal || problems->size() != before) return false;
    *out = std::move(wb);
    return true;
  } catch (const std::bad_alloc&) {
    try {
      problems->Add(file_name, "melebihi_batas", "memori tidak cukup untuk membaca berkas ini",
                    "not enough memory to read this file");
    } catch (...) {
    }
  } catch (...) {
    // Nothing below throws anything else on purpose; a library that did must still not take the caller down.
    try {
      problems->Add(file_name, "zip_rusak", "berkas tidak bisa dibaca (kesalahan tak terduga)",
                    "the file cannot be read (unexpected error)");
    } catch (...) {
    }
  }
  return false;
}

std::string CellRef(uint32_t row, uint32_t col) {
  char letters[8];
  size_t n = 0;
  while (col > 0 && n < sizeof letters) {
    --col;
    letters[n++] = char('A' + col % 26);
    col /= 26;
  }
  std::string out(letters, n);
  std::reverse(out.begin(), out.end());
  return out + std::to_string(row);
}

bool ParseCellRef(std::string_view ref, uint32_t* row, uint32_t* col) {
  size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  uint32_t c = 0;
  size_t letters = 0;
  for (; i < ref.size(); ++i, ++letters) {
    char ch = ref[i];
    if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') break;
    if (letters == 3) return false;
    c = c * 26 + uint32_t(ch - 'A' + 1);
  }
  if (letters == 0 || c > kExcelMaxCols) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  uint32_t r = 0;
  if (!ParseRowNumber(ref.substr(i), &r)) return false;
  *row = r;
  *col = c;
  return true;
}

const XlsxSheet* XlsxWorkbook::FindSheet(std::string_view name) const {
  for (const XlsxSheet& s : sheets) {
    if (s.name == name) return &s;
  }
  const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
  for (const XlsxSheet& s : sheets) {
    if (s.name.size() == name.size() &&
        std::equal(s.name.begin(), s.name.end(), name.begin(), [&](char a, char b) { return lower(a) == lower(b); })) {
      return &s;
    }
  }
  return nullptr;
}

}  // namespace kopsehat
