#include "report/json_report.h"

namespace kopsehat {

namespace {
// Bytes a JSON string must escape: control characters, '"' and '\\'.
struct EscapeTable {
  bool needs[256];
  constexpr EscapeTable() : needs() {
    for (int c = 0; c < 0x20; ++c) needs[c] = true;
    needs[int('"')] = true;
    needs[int('\\')] = true;
  }
};
constexpr EscapeTable kEscape;
}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t plain = 0;  // length of the prefix that needs no escaping (almost always all of it)
  while (plain < s.size() && !kEscape.needs[static_cast<unsigned char>(s[plain])]) ++plain;
  out->append(s.data(), plain);
  for (const char c : s.substr(plain)) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char* kHex = "0123456789abcdef";
          out->append("\\u00");
          out->push_back(kHex[(c >> 4) & 0xF]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

namespace {

void Key(const char* k, std::string* out) {
  out->push_back('"');
  out->append(k);
  out->append("\":");
}

void Amount(const Fraction& sen, std::string* out) {
  out->push_back('"');
  AppendFractionPlain(Fraction{sen.num, CheckedMul(sen.den, 100)}, 2, 14, out);
  out->push_back('"');
}

void AppendKoperasi(const Koperasi& k, std::string* out) {
  out->push_back('{');
  bool first = true;
  auto field = [&](const char* key, const std::string& v) {
    if (v.empty()) return;
    if (!first) out->push_back(',');
    first = false;
    Key(key, out);
    AppendJsonString(v, out);
  };
  field("nama", k.nama);
  field("jenis", k.jenis);
  field("nomor_badan_hukum", k.nomor_badan_hukum);
  field("kabupaten", k.kabupaten);
  field("provinsi", k.provinsi);
  out->push_back('}');
}

}  // namespace

void AppendPenilaianJson(const Assessment& a, Lang lang, std::string* out) {
  const Rulebook& rb = *a.rulebook;
  out->append("{\"format\":\"kopsehat/penilaian-v1\",");
  Key("metode", out);
  AppendJsonString(rb.id, out);
  out->push_back(',');
  Key("metode_versi", out);
  AppendJsonString(rb.version, out);
  out->push_back(',');
  Key("koperasi", out);
  AppendKoperasi(a.koperasi, out);
  out->append(",\"periode\":{\"akhir\":");
  AppendJsonString(a.periode_akhir, out);
  out->append("},\"skor_total\":");
  AppendPlain(a.total_e6, 6, 0, out);
  out->append(",\"skor_maksimal\":");
  AppendPlain(a.max_total_e6, 6, 0, out);
  out->append(",\"predikat\":");
  AppendJsonString(a.Predikat().label, out);
  out->append(",\"aspek\":[");
  for (size_t i = 0; i < a.aspects.size(); ++i) {
    const AspectResult& r = a.aspects[i];
    if (i > 0) out->push_back(',');
    out->append("{\"id\":");
    AppendJsonString(r.spec->id, out);
    out->append(",\"nama\":");
    AppendJsonString(r.spec->name.Get(lang), out);
    out->append(",\"bobot\":");
    AppendPlain(r.spec->bobot_e2, 2, 0, out);
    out->append(",\"skor\":");
    AppendPlain(r.skor_e6, 6, 0, out);
    out->push_back('}');
  }
  out->append("],\"komponen\":[");
  for (size_t i = 0; i < a.components.size(); ++i) {
    const ComponentResult& r = a.components[i];
    const Component& c = *r.spec;
    if (i > 0) out->push_back(',');
    out->append("{\"id\":");
    AppendJsonString(c.id, out);
    out->append(",\"aspek\":");
    AppendJsonString(c.aspect, out);
    if (c.kind == ComponentKind::kRatio) {
      out->append(",\"pembilang\":");
      Amount(r.numerator_sen, out);
      out->append(",\"penyebut\":");
      Amount(r.denominator_sen, out);
      out->append(",\"rasio_persen\":");
      if (r.zero_denominator) {
        out->append("null");
      } else {
        AppendPlain(RoundHalfUp(r.ratio_pct, 4), 4, 0, out);
      }
      if (r.band >= 0) {
        out->append(",\"rentang\":");
        AppendJsonString(c.bands[size_t(r.band)].range.text, out);
      }
      out->append(",\"nilai\":");
      AppendPlain(r.nilai_e2, 2, 0, out);
    } else {
      out->append(",\"ya\":");
      out->append(r.scored ? std::to_string(r.yes) : "null");
      out->append(",\"butir\":");
      out->append(std::to_string(r.items));
    }
    out->append(",\"bobot\":");
    AppendPlain(c.bobot_e2, 2, 0, out);
    out->append(",\"skor\":");
    AppendPlain(r.skor_e6, 6, 0, out);
    out->push_back('}');
  }
  out->append("],\"besaran\":{");
  for (size_t i = 0; i < a.quantities_sen.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(rb.quantities[i].id, out);
    out->push_back(':');
    Amount(a.quantities_sen[i], out);
  }
  out->append("},\"peringatan\":[");
  for (size_t i = 0; i < a.warnings.size(); ++i) {
    const Warning& w = a.warnings[i];
    if (i > 0) out->push_back(',');
    out->append("{\"kode\":");
    AppendJsonString(w.kode, out);
    if (!w.path.empty()) {
      out->append(",\"path\":");
      AppendJsonString(w.path, out);
    }
    out->append(",\"pesan\":");
    AppendJsonString(w.pesan.Get(lang), out);
    out->push_back('}');
  }
  out->append("]}");
}

void AppendProblemsJson(size_t line, const Problems& problems, Lang lang, std::string* out) {
  out->append("{\"baris\":");
  out->append(std::to_string(line));
  out->append(",\"galat\":[");
  bool first = true;
  for (const Problem& p : problems.items()) {
    if (!first) out->push_back(',');
    first = false;
    out->append("{\"path\":");
    AppendJsonString(p.path, out);
    out->append(",\"kode\":");
    AppendJsonString(p.code, out);
    out->append(",\"pesan\":");
    AppendJsonString(p.Text(lang), out);
    out->push_back('}');
  }
  out->append("]}");
}

}  // namespace kopsehat
