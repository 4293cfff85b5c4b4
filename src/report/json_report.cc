#include "report/json_report.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <vector>

#include "report/explain.h"

namespace kopsehat {

namespace {

void WriteCooperative(const CooperativeIdentity& k, JsonWriter& w) {
  w.Char('{');
  bool first = true;
  auto field = [&](std::string_view key, const std::string& v) {
    if (v.empty()) return;
    if (!first) w.Char(',');
    first = false;
    w.String(key);
    w.Char(':');
    w.String(v);
  };
  field("nama", k.nama);
  field("jenis", k.jenis);
  field("nomor_badan_hukum", k.nomor_badan_hukum);
  field("kabupaten", k.kabupaten);
  field("provinsi", k.provinsi);
  w.Char('}');
}

}  // namespace

namespace {

// persentase_skor pools: "persen", "predikat" and the skor sums.
void WritePool(const Assessment& a, const PoolResult& p, JsonWriter& w) {
  w.Lit(",\"persen\":");
  w.Fixed(p.pct_e6, 6, 0);
  w.Lit(",\"predikat\":");
  w.String(a.PredikatOf(p).label);
  w.Lit(",\"jumlah_skor\":");
  w.Fixed(p.sum_e6, 6, 0);
  w.Lit(",\"jumlah_skor_maksimal\":");
  w.Fixed(p.sum_max_e6, 6, 0);
}

void WriteSubAspects(const Assessment& a, Lang lang, JsonWriter& w) {
  w.Lit(",\"sub_aspek\":[");
  for (size_t i = 0; i < a.sub_aspects.size(); ++i) {
    const SubAspectResult& r = a.sub_aspects[i];
    if (i > 0) w.Char(',');
    w.Lit("{\"id\":");
    w.String(r.spec->id);
    w.Lit(",\"aspek\":");
    w.String(r.spec->aspect);
    w.Lit(",\"nama\":");
    w.String(r.spec->name.Get(lang));
    WritePool(a, r.pool, w);
    w.Char('}');
  }
  w.Char(']');
}

void WriteAspects(const Assessment& a, Lang lang, JsonWriter& w) {
  const bool percent = a.rulebook->ScorePercent();
  w.Lit(",\"aspek\":[");
  for (size_t i = 0; i < a.aspects.size(); ++i) {
    const AspectResult& r = a.aspects[i];
    if (i > 0) w.Char(',');
    w.Lit("{\"id\":");
    w.String(r.spec->id);
    w.Lit(",\"nama\":");
    w.String(r.spec->name.Get(lang));
    w.Lit(",\"bobot\":");
    w.Fixed(r.spec->bobot_e2, 2, 0);
    w.Lit(",\"skor\":");
    w.Fixed(r.skor_e6, 6, 0);
    if (percent) WritePool(a, r.pool, w);
    w.Char('}');
  }
  w.Char(']');
}

// The measured part of a component: a ratio with its band, or a checklist with its answers. False when the
// component is informational, whose object is then already closed.
bool WriteComponentMeasure(const ComponentResult& r, JsonWriter& w) {
  const Component& c = *r.spec;
  if (c.kind == ComponentKind::kRatio) {
    w.Lit(",\"pembilang\":");
    w.Amount(r.numerator_sen);
    w.Lit(",\"penyebut\":");
    w.Amount(r.denominator_sen);
    w.Lit(",\"rasio_persen\":");
    if (r.zero_denominator) {
      w.Lit("null");
    } else {
      w.Fixed(RoundHalfUp(r.ratio_pct, 4), 4, 0);
    }
    if (c.informational) {
      w.Lit(",\"informasi\":true}");
      return false;
    }
    if (r.band >= 0) {
      w.Lit(",\"rentang\":");
      w.String(c.bands[size_t(r.band)].range.text);
    }
    w.Lit(",\"nilai\":");
    w.Fixed(r.nilai_e2, 2, 0);
    return true;
  }
  w.Lit(",\"ya\":");
  if (r.scored) {
    w.Fixed(r.yes, 0, 0);
  } else {
    w.Lit("null");
  }
  w.Lit(",\"butir\":");
  w.Fixed(r.items, 0, 0);
  if (r.pooled) {
    w.Lit(",\"persen\":");
    w.Fixed(RoundHalfUp(r.ratio_pct, 4), 4, 0);
    w.Lit(",\"rentang\":");
    w.String(c.bands[size_t(r.band)].range.text);
    w.Lit(",\"nilai\":");
    w.Fixed(r.nilai_e2, 2, 0);
  }
  return true;
}

void WriteComponent(const ComponentResult& r, const Rulebook& rb, Lang lang, JsonWriter& w) {
  const Component& c = *r.spec;
  w.Lit("{\"id\":");
  w.String(c.id);
  w.Lit(",\"aspek\":");
  w.String(c.aspect);
  if (!c.sub_aspect.empty()) {
    w.Lit(",\"sub_aspek\":");
    w.String(c.sub_aspect);
  }
  if (!WriteComponentMeasure(r, w)) return;
  if (r.scored && rb.NilaiLabel(r.nilai_e2) != nullptr) {
    w.Lit(",\"label_nilai\":");
    w.String(rb.NilaiLabel(r.nilai_e2)->Get(lang));
  }
  if (r.pooled) {
    w.Lit(",\"skor\":");
    w.Fixed(r.skor_e6, 6, 0);
    w.Lit(",\"skor_maksimal\":");
    w.Fixed(r.max_e6, 6, 0);
    w.Lit(",\"poin_hilang\":");
    w.Fixed(r.lost_total_e6, 6, 0);
    w.Char('}');
    return;
  }
  w.Lit(",\"bobot\":");
  w.Fixed(c.bobot_e2, 2, 0);
  w.Lit(",\"skor\":");
  w.Fixed(r.skor_e6, 6, 0);
  w.Char('}');
}

void WriteWarnings(const Assessment& a, Lang lang, JsonWriter& w) {
  w.Lit(",\"peringatan\":[");
  for (size_t i = 0; i < a.warnings.size(); ++i) {
    const Warning& warning = a.warnings[i];
    if (i > 0) w.Char(',');
    w.Lit("{\"kode\":");
    w.String(warning.code);
    if (!warning.path.empty()) {
      w.Lit(",\"path\":");
      w.String(warning.path);
    }
    w.Lit(",\"pesan\":");
    w.String(WarningText(warning, a, lang));
    w.Char('}');
  }
  w.Char(']');
}

}  // namespace

void AppendPenilaianJson(const Assessment& a, Lang lang, std::string* out) {
  const Rulebook& rb = *a.rulebook;
  const bool percent = rb.ScorePercent();
  JsonWriter w(out);
  w.Lit("{\"format\":\"kopsehat/penilaian-v1\",\"metode\":");
  w.String(rb.id);
  w.Lit(",\"metode_versi\":");
  w.String(rb.version);
  w.Lit(",\"koperasi\":");
  WriteCooperative(a.cooperative, w);
  w.Lit(",\"periode\":{\"akhir\":");
  w.String(a.periode_akhir);
  w.Lit("},");
  if (percent) w.Lit("\"agregasi\":\"persentase_skor\",");
  w.Lit("\"skor_total\":");
  w.Fixed(a.total_e6, 6, 0);
  w.Lit(",\"skor_maksimal\":");
  w.Fixed(a.max_total_e6, 6, 0);
  w.Lit(",\"predikat\":");
  w.String(a.Predikat().label);
  if (percent && rb.round_for_display_only) {
    w.Lit(",\"skor_total_tepat\":");
    w.Fixed(RoundHalfUp(a.exact_total, 6), 6, 0);
  }
  if (rb.kuk) {
    w.Lit(",\"kuk\":");
    w.Fixed(a.kuk, 0, 0);
    if (a.kuk_suggested) w.Lit(",\"kuk_disarankan\":true");
  }
  WriteAspects(a, lang, w);
  if (percent) WriteSubAspects(a, lang, w);
  w.Lit(",\"komponen\":[");
  for (size_t i = 0; i < a.components.size(); ++i) {
    if (i > 0) w.Char(',');
    WriteComponent(a.components[i], rb, lang, w);
  }
  w.Lit("],\"besaran\":{");
  for (size_t i = 0; i < a.quantities_sen.size(); ++i) {
    if (i > 0) w.Char(',');
    w.String(rb.quantities[i].id);
    w.Char(':');
    w.Amount(a.quantities_sen[i]);
  }
  w.Char('}');
  WriteWarnings(a, lang, w);
  w.Char('}');
}

void AppendProblemsJson(size_t line, const Problems& problems, Lang lang, std::string* out) {
  JsonWriter w(out);
  w.Lit("{\"baris\":");
  w.Fixed(i128(line), 0, 0);
  w.Lit(",\"galat\":[");
  bool first = true;
  for (const Problem& p : problems.items()) {
    if (!first) w.Char(',');
    first = false;
    w.Lit("{\"path\":");
    w.String(p.path);
    w.Lit(",\"kode\":");
    w.String(p.code);
    w.Lit(",\"pesan\":");
    w.String(p.Text(lang));
    w.Char('}');
  }
  w.Lit("]}");
}

}  // namespace kopsehat
