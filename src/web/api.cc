// web/api.cc — the JSON API (/api/v1, docs/api.md): the same operations and the same authorisation as the pages
// (both call the App with the Principal). Authentication is the same session cookie; state-changing calls carry the
// session's CSRF token in the X-CSRF-Token header (returned by login). Errors are {"galat": [...]} with the
// problems in the language asked for.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

#include "report/json_report.h"
#include "web/http.h"

namespace kopsehat::web {

namespace {

constexpr size_t kMaxApiJsonBytes = 1 << 20;
constexpr int kMaxApiJsonDepth = 32;  // the deepest body of ours nests 3

void Json(std::string body, Response* out, int status = 200) {
  out->status = status;
  out->content_type = "application/json; charset=utf-8";
  out->body = std::move(body);
}

void Fail(const Call& call, const Outcome& o, Response* out) {
  Json(ProblemsBody(o.problems, call.lang), out, HttpStatus(o.code));
}

// The JSON object of a request body; a problem naming the body when it is not one.
// True when no array or object in `json` nests deeper than `max_depth` (strings skipped, escapes honoured). Run
// before parsing: a 1 MiB body of "[[[[..." otherwise costs the parser hundreds of megabytes.
bool NestingAtMost(std::string_view json, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

bool BodyObject(const Call& call, nlohmann::json* out, Response* reply) {
  const std::string& body = call.request->body;
  if (body.size() <= kMaxApiJsonBytes && NestingAtMost(body, kMaxApiJsonDepth)) {
    *out = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (out->is_object()) return true;
  }
  Fail(call,
       Outcome::Error(Code::kInvalid, "body", "json_tidak_sah",
                      "isi permintaan harus objek JSON (paling besar 1 MiB, bersarang paling dalam 32)",
                      "the request body must be a JSON object (at most 1 MiB, nested at most 32 deep)"),
       reply);
  return false;
}

std::string StringField(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void Key(const char* name, std::string* out) {
  if (out->back() != '{') *out += ',';
  AppendJsonString(name, out);
  *out += ':';
}
void Str(const char* name, const std::string& v, std::string* out) {
  Key(name, out);
  AppendJsonString(v, out);
}
void Int(const char* name, int64_t v, std::string* out) {
  Key(name, out);
  *out += std::to_string(v);
}
void OptInt(const char* name, const std::optional<int64_t>& v, std::string* out) {
  Key(name, out);
  *out += v ? std::to_string(*v) : "null";
}
// A score in points with six decimals as a JSON number ("80.100000" → 80.1), exact (no double).
void Points(const char* name, int64_t e6, std::string* out) {
  Key(name, out);
  if (e6 < 0) {
    *out += '-';
    e6 = -e6;
  }
  *out += std::to_string(e6 / 1000000);
  std::string frac = std::to_string(e6 % 1000000);
  frac.insert(0, 6 - frac.size(), '0');
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (!frac.empty()) *out += "." + frac;
}

void UserJson(const store::User& u, std::string* out) {
  *out += '{';
  Int("id", u.id, out);
  Str("username", u.username, out);
  Str("nama", u.display_name, out);
  Str("peran", store::RoleName(u.role), out);
  OptInt("koperasi_id", u.cooperative_id, out);
  Key("wilayah_id", out);
  *out += '[';
  for (size_t i = 0; i < u.region_ids.size(); ++i) {
    if (i) *out += ',';
    *out += std::to_string(u.region_ids[i]);
  }
  *out += "]}";
}

void CooperativeJson(const store::Cooperative& c, std::string* out) {
  *out += '{';
  Int("id", c.id, out);
  Str("nama", c.nama, out);
  Str("jenis", c.jenis, out);
  Str("nomor_badan_hukum", c.nomor_badan_hukum, out);
  Int("wilayah_id", c.region_id, out);
  Str("wilayah", c.region_nama, out);
  *out += '}';
}

void LaporanSummaryJson(const store::LaporanRecord& l, std::string* out) {
  *out += '{';
  Int("id", l.id, out);
  Int("koperasi_id", l.cooperative_id, out);
  Str("periode_akhir", l.periode_akhir, out);
  Int("revisi", l.revision, out);
  Str("status", store::StatusName(l.status), out);
  Str("metode", l.rulebook_id, out);
  Str("versi_metode", l.rulebook_version, out);
  Points("skor", l.total_e6, out);
  Str("predikat", l.predikat, out);
  OptInt("mengoreksi_id", l.corrects_id, out);
  Str("alasan_koreksi", l.correction_reason, out);
  Str("catatan_pemeriksa", l.review_note, out);
  Int("diperbarui", l.updated_at, out);
  OptInt("diajukan", l.submitted_at, out);
  OptInt("difinalkan", l.finalised_at, out);
  *out += '}';
}

template <typename T, typename F>
void Array(const char* name, const std::vector<T>& items, F each, std::string* out) {
  Key(name, out);
  *out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) *out += ',';
    each(items[i], out);
  }
  *out += ']';
}

// ---- Sessions ----

void LoginPost(Call& call, Response* out) {
  // A cross-site HTML form cannot send application/json without a CORS preflight (which we never grant): that is
  // this call's CSRF defence, as it has no session yet.
  if (call.request->Header("content-type").rfind("application/json", 0) != 0) {
    return Fail(call, Outcome::Error(Code::kInvalid, "content-type", "json_wajib", "Content-Type harus application/json",
                                     "Content-Type must be application/json"),
                out);
  }
  nlohmann::json body;
  if (!BodyObject(call, &body, out)) return;
  std::string token;
  Principal p;
  const Outcome o = call.app->Login(StringField(body, "username"), StringField(body, "password"), call.request->client,
                                    &token, &p);
  if (!o.ok()) return Fail(call, o, out);
  out->headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax" +
                                              (call.settings->secure_cookies ? "; Secure" : "") +
                                              "; Max-Age=" + std::to_string(call.app->options().session_ttl_s));
  std::string j = "{";
  Key("pengguna", &j);
  UserJson(p.user, &j);
  Str("csrf", p.session.csrf_token, &j);
  Int("berlaku_sampai", p.session.expires_at, &j);
  Json(j + "}", out);
}

void LogoutPost(Call& call, Response* out) {
  call.app->Logout(*call.principal);
  out->headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
  Json("{\"ok\":true}", out);
}

void MeGet(Call& call, Response* out) {
  std::string j = "{";
  Key("pengguna", &j);
  UserJson(call.principal->user, &j);
  Str("csrf", call.principal->session.csrf_token, &j);
  Json(j + "}", out);
}

// ---- Cooperatives and laporan ----

void CooperativesGet(Call& call, Response* out) {
  std::vector<store::Cooperative> list;
  const Outcome o = call.app->ListCooperatives(*call.principal, &list);
  if (!o.ok()) return Fail(call, o, out);
  std::string j = "{";
  Array("koperasi", list, CooperativeJson, &j);
  Json(j + "}", out);
}

void CooperativeGet(Call& call, Response* out) {
  CooperativeView view;
  const Outcome o = call.app->ViewCooperative(*call.principal, call.ids[0], &view);
  if (!o.ok()) return Fail(call, o, out);
  std::string j = "{";
  Key("koperasi", &j);
  CooperativeJson(view.cooperative, &j);
  Array("laporan", view.laporan, LaporanSummaryJson, &j);
  Json(j + "}", out);
}

// The file name tells the reader the kind of a non-JSON body (?nama=laporan.xlsx).
std::string UploadName(const Call& call) {
  const std::string name = call.request->Query("nama");
  return name.empty() ? "laporan.json" : name.substr(0, 200);
}

void Saved(Call& call, const Outcome& o, int64_t id, int status, Response* out) {
  if (!o.ok()) return Fail(call, o, out);
  LaporanView view;
  const Outcome v = call.app->ViewLaporan(*call.principal, id, &view);
  if (!v.ok()) return Fail(call, v, out);
  std::string j = "{";
  Key("laporan", &j);
  LaporanSummaryJson(view.record, &j);
  Json(j + "}", out, status);
}

void LaporanCreate(Call& call, Response* out) {
  int64_t id = 0;
  const Outcome o = call.app->SaveDraftFromFile(*call.principal, call.ids[0], std::nullopt, call.request->body,
                                                UploadName(call), &id);
  Saved(call, o, id, 201, out);
}

void LaporanReplace(Call& call, Response* out) {
  LaporanView view;
  Outcome o = call.app->ViewLaporan(*call.principal, call.ids[0], &view);
  if (!o.ok()) return Fail(call, o, out);
  int64_t id = 0;
  o = call.app->SaveDraftFromFile(*call.principal, view.record.cooperative_id, view.record.id, call.request->body,
                                  UploadName(call), &id);
  Saved(call, o, id, 200, out);
}

void LaporanGet(Call& call, Response* out) {
  LaporanView view;
  const Outcome o = call.app->ViewLaporan(*call.principal, call.ids[0], &view);
  if (!o.ok()) return Fail(call, o, out);
  std::string j = "{";
  Key("laporan", &j);
  LaporanSummaryJson(view.record, &j);
  // An incomplete draft (stored from the web form) has no result and no laporan yet: null, not an empty text.
  Key("hasil", &j);
  j += view.incomplete ? std::string("null") : view.record.hasil_json;
  Key("isian", &j);
  j += view.incomplete ? std::string("null") : view.record.laporan_json;
  Array("koreksi_pemeriksa", view.adjustments,
        [](const store::Adjustment& a, std::string* s) {
          *s += '{';
          Str("path", a.path, s);
          Str("sebelum", a.before_value, s);
          Str("sesudah", a.after_value, s);
          Str("alasan", a.reason, s);
          Str("oleh", a.username, s);
          Int("waktu", a.at, s);
          *s += '}';
        },
        &j);
  Array("bukti", view.evidence,
        [](const store::Evidence& e, std::string* s) {
          *s += '{';
          Int("id", e.id, s);
          Str("nama_berkas", e.filename, s);
          Str("sha256", e.sha256, s);
          Int("ukuran", e.size_bytes, s);
          Str("catatan", e.note, s);
          Int("waktu", e.at, s);
          *s += '}';
        },
        &j);
  Json(j + "}", out);
}

// Runs a workflow step whose JSON body may carry one text field, then answers with the laporan.
void Step(Call& call, Response* out, const char* field,
          const std::function<Outcome(const std::string& text, int64_t* id)>& step) {
  std::string text;
  if (field != nullptr) {
    nlohmann::json body;
    if (!BodyObject(call, &body, out)) return;
    text = StringField(body, field);
  }
  int64_t id = call.ids[0];
  // The step first: it may name a new laporan (a correction's revision), which is what the reply shows. (Written as
  // one call, the order in which the arguments are evaluated is unspecified, and GCC read `id` first.)
  const Outcome outcome = step(text, &id);
  Saved(call, outcome, id, 200, out);
}

void AdjustPost(Call& call, Response* out) {
  nlohmann::json body;
  if (!BodyObject(call, &body, out)) return;
  // {"perubahan": [{"path": "neraca.kas", "nilai": "2.350.000"}, ...], "alasan": "..."}
  std::vector<std::pair<std::string, std::string>> changes;
  if (auto it = body.find("perubahan"); it != body.end() && it->is_array()) {
    for (const nlohmann::json& c : *it) {
      if (changes.size() > App::kMaxChangesPerAdjustment || !c.is_object()) break;
      changes.emplace_back(StringField(c, "path"), StringField(c, "nilai"));
    }
  }
  const Outcome o = call.app->Adjust(*call.principal, call.ids[0], changes, StringField(body, "alasan"));
  Saved(call, o, call.ids[0], 200, out);
}

void EvidencePost(Call& call, Response* out) {
  int64_t id = 0;
  const Outcome o = call.app->AddEvidence(*call.principal, call.ids[0], call.request->Query("nama"),
                                          call.request->Header("content-type"), call.request->body,
                                          call.request->Query("catatan"), &id);
  if (!o.ok()) return Fail(call, o, out);
  std::string j = "{";
  Int("id", id, &j);
  Str("sha256", Sha256Hex(call.request->body), &j);
  Json(j + "}", out, 201);
}

constexpr size_t kRegionApiPageSize = 500;
constexpr size_t kRegionApiMaxPageSize = 5000;
// The submissions awaiting review come in pages of their own: nationally there are thousands (3,900 in the
// national benchmark: 1.2 MB of JSON), which page 1 of the cooperatives used to carry whole.
constexpr size_t kAwaitingApiPageSize = 100;
constexpr size_t kAwaitingApiMaxPageSize = 5000;

// A whole-number query parameter within [lo, hi]; `fallback` when absent or not such a number.
size_t QueryNumber(const Call& call, const char* name, size_t fallback, size_t lo, size_t hi) {
  const std::string text = call.request->Query(name);
  size_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) return fallback;
  return v;
}

void RegionGet(Call& call, Response* out) {
  RegionView view;
  const Outcome o = call.app->ViewRegion(*call.principal, &view);
  if (!o.ok()) return Fail(call, o, out);
  // Pages of cooperatives (by name): a region of thousands is megabytes of JSON in one answer otherwise.
  const size_t per_page = QueryNumber(call, "per_hal", kRegionApiPageSize, 1, kRegionApiMaxPageSize);
  const size_t page = QueryNumber(call, "hal", 1, 1, 1'000'000);
  const size_t first = std::min(view.rows.size(), (page - 1) * per_page);
  std::vector<const RegionRow*> rows;
  for (size_t i = first; i < std::min(view.rows.size(), first + per_page); ++i) rows.push_back(&view.rows[i]);
  std::string j = "{";
  // Room for the answer at once (a row is about 450 bytes, a submission about 300): growing a 250 KB string by
  // doubling copies it several times.
  j.reserve(1024 + 500 * rows.size() + 350 * std::min(view.awaiting_review.size(), kAwaitingApiPageSize));
  Str("periode_diharapkan", view.expected_periode, &j);
  Int("jumlah", static_cast<int64_t>(view.rows.size()), &j);
  Int("hal", static_cast<int64_t>(page), &j);
  Int("per_hal", static_cast<int64_t>(per_page), &j);
  Array("koperasi", rows,
        [](const RegionRow* r, std::string* s) {
          const store::CooperativeSummary& m = r->summary;
          *s += '{';
          Int("id", m.cooperative.id, s);
          Str("nama", m.cooperative.nama, s);
          Str("wilayah", m.cooperative.region_nama, s);
          OptInt("penilaian_id", m.latest_id, s);
          Str("periode", m.latest_periode, s);
          if (m.latest_id) Points("skor", m.latest_total_e6, s);
          Str("predikat", m.latest_predikat, s);
          if (m.latest_id) {
            Str("metode", m.latest_rulebook_id, s);
            Str("metode_versi", m.latest_rulebook_version, s);
          }
          if (m.previous_total_e6) {
            Points("skor_sebelumnya", *m.previous_total_e6, s);
            Str("metode_sebelumnya", m.previous_rulebook_id, s);
          }
          // Like with like: a change only between two results of one method; a change of method is a break.
          if (const std::optional<int64_t> change = ScoreChangeE6(m)) Points("perubahan", *change, s);
          Key("metode_berganti", s);
          *s += MethodBreak(m) ? "true" : "false";
          if (m.latest_id && std::any_of(m.latest_aspek_pct_e6.begin(), m.latest_aspek_pct_e6.end(),
                                         [](const std::optional<int64_t>& v) { return v.has_value(); })) {
            Key("aspek_persen", s);
            *s += '{';
            for (size_t k = 0; k < store::kKkpkkAspectIds.size(); ++k) {
              if (m.latest_aspek_pct_e6[k]) Points(store::kKkpkkAspectIds[k], *m.latest_aspek_pct_e6[k], s);
            }
            *s += '}';
          }
          Key("peringatan_dini", s);
          *s += r->early_warning ? "true" : "false";
          Key("menunggu_pemeriksaan", s);
          *s += m.awaiting_review ? "true" : "false";
          Key("terlambat", s);
          *s += r->overdue ? "true" : "false";
          *s += '}';
        },
        &j);
  // The submissions awaiting review are one list for the whole region, paged apart from the cooperatives: its total
  // on every page; a page of it (hal_menunggu, default 1) with page 1 of the cooperatives, or on any page when asked
  // for by hal_menunggu.
  const size_t awaiting_total = view.awaiting_review.size();
  Int("menunggu_pemeriksaan_jumlah", static_cast<int64_t>(awaiting_total), &j);
  if (page == 1 || !call.request->Query("hal_menunggu").empty()) {
    const size_t per_awaiting =
        QueryNumber(call, "per_hal_menunggu", kAwaitingApiPageSize, 1, kAwaitingApiMaxPageSize);
    const size_t awaiting_page = QueryNumber(call, "hal_menunggu", 1, 1, 1'000'000);
    const size_t from = std::min(awaiting_total, (awaiting_page - 1) * per_awaiting);
    const size_t to = std::min(awaiting_total, from + per_awaiting);
    Int("hal_menunggu", static_cast<int64_t>(awaiting_page), &j);
    Int("per_hal_menunggu", static_cast<int64_t>(per_awaiting), &j);
    Key("menunggu_pemeriksaan", &j);
    j += '[';
    for (size_t i = from; i < to; ++i) {
      if (i != from) j += ',';
      LaporanSummaryJson(view.awaiting_review[i], &j);
    }
    j += ']';
  }
  j += '}';
  Json(std::move(j), out);
}

void AuditGet(Call& call, Response* out) {
  std::vector<store::AuditEntry> entries;
  std::optional<int64_t> coop, before;
  for (const auto& [name, target] : {std::pair<const char*, std::optional<int64_t>*>{"koperasi", &coop},
                                     {"sebelum", &before}}) {
    if (call.request->Query(name).empty()) continue;
    const size_t v = QueryNumber(call, name, 0, 1, size_t{1} << 53);
    if (v == 0) {
      return Fail(call, Outcome::Error(Code::kInvalid, name, "bukan_angka", "harus bilangan bulat positif",
                                       "must be a positive whole number"),
                  out);
    }
    *target = static_cast<int64_t>(v);
  }
  bool more = false;
  const Outcome o = call.app->Audit(*call.principal, coop, before, &entries, &more);
  if (!o.ok()) return Fail(call, o, out);
  std::string j = "{";
  Key("lebih_lama", &j);
  j += more ? "true" : "false";
  Array("audit", entries,
        [](const store::AuditEntry& e, std::string* s) {
          *s += '{';
          Int("id", e.id, s);
          Int("waktu", e.at, s);
          OptInt("pengguna_id", e.user_id, s);
          OptInt("koperasi_id", e.cooperative_id, s);
          Str("tindakan", e.action, s);
          Str("objek", e.entity, s);
          OptInt("objek_id", e.entity_id, s);
          Str("sebelum", e.before_json, s);
          Str("sesudah", e.after_json, s);
          *s += '}';
        },
        &j);
  Json(j + "}", out);
}

}  // namespace

void AddApiRoutes(std::vector<Route>* r) {
  const auto add = [r](const char* method, const char* pattern, Guard guard, Handler h) {
    r->push_back({method, pattern, guard, true, std::move(h)});
  };
  add("POST", "/api/v1/masuk", Guard::kPublic, LoginPost);
  add("POST", "/api/v1/keluar", Guard::kUser, LogoutPost);
  add("GET", "/api/v1/saya", Guard::kUser, MeGet);
  add("GET", "/api/v1/koperasi", Guard::kUser, CooperativesGet);
  add("GET", "/api/v1/koperasi/{id}", Guard::kUser, CooperativeGet);
  add("POST", "/api/v1/koperasi/{id}/laporan", Guard::kUser, LaporanCreate);
  add("GET", "/api/v1/laporan/{id}", Guard::kUser, LaporanGet);
  add("POST", "/api/v1/laporan/{id}", Guard::kUser, LaporanReplace);
  add("POST", "/api/v1/laporan/{id}/ajukan", Guard::kUser, [](Call& c, Response* o) {
    Step(c, o, nullptr, [&](const std::string&, int64_t*) { return c.app->Submit(*c.principal, c.ids[0]); });
  });
  add("POST", "/api/v1/laporan/{id}/koreksi", Guard::kUser, AdjustPost);
  add("POST", "/api/v1/laporan/{id}/bukti", Guard::kUser, EvidencePost);
  add("POST", "/api/v1/laporan/{id}/kembalikan", Guard::kUser, [](Call& c, Response* o) {
    Step(c, o, "catatan",
         [&](const std::string& t, int64_t*) { return c.app->ReturnToCooperative(*c.principal, c.ids[0], t); });
  });
  add("POST", "/api/v1/laporan/{id}/final", Guard::kUser, [](Call& c, Response* o) {
    Step(c, o, nullptr, [&](const std::string&, int64_t*) { return c.app->Finalise(*c.principal, c.ids[0]); });
  });
  add("POST", "/api/v1/laporan/{id}/revisi", Guard::kUser, [](Call& c, Response* o) {
    Step(c, o, "alasan",
         [&](const std::string& t, int64_t* id) { return c.app->StartCorrection(*c.principal, c.ids[0], t, id); });
  });
  add("GET", "/api/v1/laporan/{id}/unduh.pdf", Guard::kUser, [](Call& c, Response* o) {
    LaporanView v;
    const Outcome oc = c.app->ViewLaporan(*c.principal, c.ids[0], &v);
    if (!oc.ok()) return Fail(c, oc, o);
    RenderDownload(c, v, "pdf", o);
  });
  add("GET", "/api/v1/wilayah", Guard::kUser, RegionGet);
  add("GET", "/api/v1/audit", Guard::kUser, AuditGet);
}

}  // namespace kopsehat::web
