// interchange/laporan_json_writer.cc — see laporan_json_writer.h.
#include "interchange/laporan_json_writer.h"

#include "core/json_writer.h"

namespace kopsehat {

namespace {

// The filled identity fields of `"koperasi": {…}`, in the order of the spec.
void AppendCooperative(const CooperativeIdentity& koperasi, std::string* out) {
  bool first = true;
  const std::pair<const char*, const std::string*> fields[] = {
      {"nama", &koperasi.nama}, {"jenis", &koperasi.jenis}, {"nomor_badan_hukum", &koperasi.nomor_badan_hukum},
      {"kabupaten", &koperasi.kabupaten}, {"provinsi", &koperasi.provinsi}};
  for (const auto& [k, v] : fields) {
    if (v->empty()) continue;
    *out += first ? "" : ", ";
    first = false;
    *out += "\"" + std::string(k) + "\": ";
    AppendJsonString(*v, out);
  }
  if (koperasi.kuk != 0) *out += std::string(first ? "" : ", ") + "\"kuk\": " + std::to_string(koperasi.kuk);
}

// The settings at the head of the current period's pearls block: months covered and, when given, the two rates.
std::string PearlsSettingsBody(const PearlsSettings& ps) {
  std::string body = "\"bulan\": " + std::to_string(ps.bulan);
  if (ps.has_inflasi) body += ", \"inflasi_persen\": " + FormatPlain(ps.inflasi_pct.units, ps.inflasi_pct.scale, 0);
  if (ps.has_suku_bunga_pasar) {
    body += ", \"suku_bunga_pasar_persen\": " +
            FormatPlain(ps.suku_bunga_pasar_pct.units, ps.suku_bunga_pasar_pct.scale, 0);
  }
  return body;
}

// The sections of one period, each as ",\n<indent>\"neraca\": {…}"; a section with nothing in it is left out.
std::string SectionsJson(const Laporan& l, const Statements& st, const std::string& indent, bool current) {
  std::string s;
  for (int section_index = 0; section_index < kSectionCount; ++section_index) {
    const Section section = Section(section_index);
    std::string body;
    if (section == Section::kPearls && current && l.has_pearls) body += PearlsSettingsBody(l.pearls);
    for (int i = 0; i < kLineCount; ++i) {
      if (kLines[size_t(i)].section != section || !st.present[size_t(i)]) continue;
      const Sen v = st.Get(i);
      body += body.empty() ? "" : ", ";
      body.append("\"").append(kLines[size_t(i)].key).append("\": ");  // appended: GCC 12 -O3 false -Wrestrict
      body += v % 100 == 0 ? std::to_string(v / 100) : "\"" + FormatSenPlain(v) + "\"";
    }
    if (!body.empty()) s += ",\n" + indent + "\"" + SectionKey(section) + "\": {" + body + "}";
  }
  return s;
}

// The answer lists of one checklist set ("" for the manajemen block) as "\"umum\": [true, false], …".
std::string ListsJson(const Laporan& l, const std::string& set) {
  std::string body;
  for (const ChecklistAnswers& c : l.checklists) {
    if (c.set != set) continue;
    body += body.empty() ? "" : ", ";
    AppendJsonString(c.key, &body);
    body += ": [";
    for (size_t i = 0; i < c.answers.size(); ++i) body += (i ? ", " : "") + std::string(c.answers[i] ? "true" : "false");
    body += "]";
  }
  return body;
}

}  // namespace

std::string LaporanToJson(const Laporan& l) {
  std::string out = "{\n  \"format\": \"kopsehat/laporan-v1\",\n";
  if (!l.metode.empty()) {
    out += "  \"metode\": ";
    AppendJsonString(l.metode, &out);
    out += ",\n";
  }
  out += "  \"koperasi\": {";
  AppendCooperative(l.cooperative, &out);
  out += "},\n  \"periode\": {\"akhir\": ";
  AppendJsonString(l.periode_akhir, &out);
  out += "}";
  out += SectionsJson(l, l.current, "  ", true);
  if (l.has_manajemen) out += ",\n  \"manajemen\": {" + ListsJson(l, "") + "}";
  if (!l.checklist_sets.empty()) {
    out += ",\n  \"daftar_periksa\": {";
    for (size_t k = 0; k < l.checklist_sets.size(); ++k) {
      out += k ? ",\n    " : "\n    ";
      AppendJsonString(l.checklist_sets[k], &out);
      out += ": {" + ListsJson(l, l.checklist_sets[k]) + "}";
    }
    out += "\n  }";
  }
  if (l.has_previous) {
    const std::string prev = SectionsJson(l, l.previous, "    ", false);
    out += ",\n  \"periode_lalu\": {" + (prev.empty() ? std::string() : prev.substr(1)) + "\n  }";
  }
  out += "\n}\n";
  return out;
}

}  // namespace kopsehat
