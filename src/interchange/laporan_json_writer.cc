// interchange/laporan_json_writer.cc — see laporan_json_writer.h.
#include "interchange/laporan_json_writer.h"

#include "core/json_writer.h"

namespace kopsehat {

std::string LaporanToJson(const Laporan& l) {
  std::string out = "{\n  \"format\": \"kopsehat/laporan-v1\",\n";
  if (!l.metode.empty()) {
    out += "  \"metode\": ";
    AppendJsonString(l.metode, &out);
    out += ",\n";
  }
  out += "  \"koperasi\": {";
  bool first = true;
  const std::pair<const char*, const std::string*> fields[] = {
      {"nama", &l.koperasi.nama}, {"jenis", &l.koperasi.jenis}, {"nomor_badan_hukum", &l.koperasi.nomor_badan_hukum},
      {"kabupaten", &l.koperasi.kabupaten}, {"provinsi", &l.koperasi.provinsi}};
  for (const auto& [k, v] : fields) {
    if (v->empty()) continue;
    out += first ? "" : ", ";
    first = false;
    out += "\"" + std::string(k) + "\": ";
    AppendJsonString(*v, &out);
  }
  out += "},\n  \"periode\": {\"akhir\": ";
  AppendJsonString(l.periode_akhir, &out);
  out += "}";
  auto sections = [&](const Statements& st, const std::string& indent, bool current) {
    std::string s;
    for (int section_index = 0; section_index < kSectionCount; ++section_index) {
      const Section section = Section(section_index);
      std::string body;
      if (section == Section::kPearls && current && l.has_pearls) {
        const PearlsSettings& ps = l.pearls;
        body += "\"bulan\": " + std::to_string(ps.bulan);
        if (ps.has_inflasi) body += ", \"inflasi_persen\": " + FormatPlain(ps.inflasi_pct.units, ps.inflasi_pct.scale, 0);
        if (ps.has_suku_bunga_pasar) {
          body += ", \"suku_bunga_pasar_persen\": " +
                  FormatPlain(ps.suku_bunga_pasar_pct.units, ps.suku_bunga_pasar_pct.scale, 0);
        }
      }
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
  };
  out += sections(l.current, "  ", true);
  auto lists = [&](const std::string& set) {
    std::string body;
    for (const ChecklistAnswers& c : l.manajemen) {
      if (c.set != set) continue;
      body += body.empty() ? "" : ", ";
      AppendJsonString(c.key, &body);
      body += ": [";
      for (size_t i = 0; i < c.answers.size(); ++i) body += (i ? ", " : "") + std::string(c.answers[i] ? "true" : "false");
      body += "]";
    }
    return body;
  };
  if (l.has_manajemen) out += ",\n  \"manajemen\": {" + lists("") + "}";
  if (!l.checklist_sets.empty()) {
    out += ",\n  \"daftar_periksa\": {";
    for (size_t k = 0; k < l.checklist_sets.size(); ++k) {
      out += k ? ",\n    " : "\n    ";
      AppendJsonString(l.checklist_sets[k], &out);
      out += ": {" + lists(l.checklist_sets[k]) + "}";
    }
    out += "\n  }";
  }
  if (l.has_previous) {
    const std::string prev = sections(l.previous, "    ", false);
    out += ",\n  \"periode_lalu\": {" + (prev.empty() ? std::string() : prev.substr(1)) + "\n  }";
  }
  out += "\n}\n";
  return out;
}

}  // namespace kopsehat
