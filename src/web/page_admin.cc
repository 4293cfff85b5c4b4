// web/page_admin.cc — administration (regions, cooperatives, users and the forms to add them) and the audit trail
// (views.h). Depends on web/html.h.
#include "web/views.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "web/html.h"

namespace kopsehat::web {

// The builder and widgets every page shares (html.h).
using namespace html;

using store::Role;

namespace {

std::string RegionName(const std::vector<store::Region>& regions, int64_t id) {
  for (const store::Region& r : regions) {
    if (r.id == id) return r.nama;
  }
  std::string s = "#";
  return s.append(std::to_string(id));
}

void RegionsSection(Html& h, const PageContext& ctx, const std::vector<store::Region>& regions) {
  h << "<section class=\"kartu\"><h2>" << T(ctx, "Wilayah", "Regions") << "</h2>";
  if (!regions.empty()) {
    h << "<div class=\"gulir\"><table class=\"sortable\"><thead><tr><th class=\"n\">ID</th><th>"
      << T(ctx, "Nama", "Name") << "</th><th>" << T(ctx, "Provinsi", "Province") << "</th></tr></thead><tbody>";
    for (const store::Region& r : regions) {
      h << "<tr><td class=\"n\" data-nilai=\"" << r.id << "\">" << r.id << "</td><td>" << Esc{r.nama} << "</td><td>"
        << Esc{r.provinsi} << "</td></tr>";
    }
    h << "</tbody></table></div>";
  }
  h << "<h3>" << T(ctx, "Tambah wilayah", "Add a region") << "</h3>";
  FormOpen(h, ctx, "/admin/wilayah", false);
  h << "<label for=\"w-nama\">" << T(ctx, "Nama kabupaten / kota", "Regency / city") << "</label>"
    << "<input id=\"w-nama\" name=\"nama\" required><label for=\"w-provinsi\">" << T(ctx, "Provinsi", "Province")
    << "</label><input id=\"w-provinsi\" name=\"provinsi\" required><p><button>" << T(ctx, "Tambah", "Add")
    << "</button></p></form></section>";
}

void CooperativesSection(Html& h, const PageContext& ctx, const std::vector<store::Region>& regions,
                         const std::vector<store::Cooperative>& coops) {
  h << "<section class=\"kartu\"><h2>" << T(ctx, "Koperasi", "Cooperatives") << "</h2>";
  if (!coops.empty()) {
    h << "<div class=\"gulir\"><table class=\"sortable\"><thead><tr><th>" << T(ctx, "Nama", "Name") << "</th><th>"
      << T(ctx, "Jenis", "Type") << "</th><th>" << T(ctx, "No. badan hukum", "Legal no.") << "</th><th>"
      << T(ctx, "Wilayah", "Region") << "</th></tr></thead><tbody>";
    for (const store::Cooperative& c : coops) {
      h << "<tr><td>";
      CoopLink(h, c);
      h << "</td><td>" << Esc{c.jenis} << "</td><td>" << Esc{c.nomor_badan_hukum} << "</td><td>"
        << Esc{c.region_nama.empty() ? RegionName(regions, c.region_id) : c.region_nama} << "</td></tr>";
    }
    h << "</tbody></table></div>";
  }
  h << "<h3>" << T(ctx, "Tambah koperasi", "Add a cooperative") << "</h3>";
  FormOpen(h, ctx, "/admin/koperasi", false);
  h << "<label for=\"k-wilayah\">" << T(ctx, "Wilayah", "Region") << "</label><select id=\"k-wilayah\" "
    << "name=\"region_id\" required>";
  for (const store::Region& r : regions) h << "<option value=\"" << r.id << "\">" << Esc{r.nama} << "</option>";
  h << "</select><label for=\"k-nama\">" << T(ctx, "Nama koperasi", "Cooperative name") << "</label>"
    << "<input id=\"k-nama\" name=\"nama\" required><label for=\"k-jenis\">" << T(ctx, "Jenis", "Type")
    << "</label><select id=\"k-jenis\" name=\"jenis\">";
  for (const char* jenis : {"KSP", "USP", "KSPPS", "USPPS"}) h << "<option>" << jenis << "</option>";
  h << "</select><label for=\"k-bh\">" << T(ctx, "Nomor badan hukum", "Legal entity number") << "</label>"
    << "<input id=\"k-bh\" name=\"nomor_badan_hukum\"><p><button>" << T(ctx, "Tambah", "Add")
    << "</button></p></form></section>";
}

void UsersTable(Html& h, const PageContext& ctx, const std::vector<store::Region>& regions,
                const std::vector<store::Cooperative>& coops, const std::vector<store::User>& users) {
  std::unordered_map<int64_t, const store::Cooperative*> by_id;
  for (const store::Cooperative& c : coops) by_id.emplace(c.id, &c);
  h << "<div class=\"gulir\"><table class=\"sortable\"><thead><tr><th>" << T(ctx, "Pengguna", "User") << "</th><th>"
    << T(ctx, "Peran", "Role") << "</th><th>" << T(ctx, "Koperasi / wilayah", "Cooperative / regions") << "</th><th>"
    << T(ctx, "Aktif", "Active") << "</th></tr></thead><tbody>";
  for (const store::User& u : users) {
    h << "<tr><td>" << Esc{u.display_name} << "<div class=\"kecil\">" << Esc{u.username} << "</div></td><td>"
      << RoleLabel(ctx, u.role) << "</td><td>";
    if (u.cooperative_id) {
      const auto it = by_id.find(*u.cooperative_id);
      if (it != by_id.end()) {
        h << Esc{it->second->nama};
      } else {
        h << "#" << *u.cooperative_id;
      }
    }
    for (size_t i = 0; i < u.region_ids.size(); ++i) h << (i ? ", " : "") << Esc{RegionName(regions, u.region_ids[i])};
    h << "</td><td>" << (u.active ? T(ctx, "ya", "yes") : T(ctx, "tidak", "no")) << "</td></tr>";
  }
  h << "</tbody></table></div>";
}

void UserForm(Html& h, const PageContext& ctx, const std::vector<store::Region>& regions,
              const std::vector<store::Cooperative>& coops) {
  h << "<h3>" << T(ctx, "Tambah pengguna", "Add a user") << "</h3>";
  FormOpen(h, ctx, "/admin/pengguna", false);
  h << "<label for=\"p-username\">" << T(ctx, "Nama pengguna", "Username") << "</label><input id=\"p-username\" "
    << "name=\"username\" autocomplete=\"off\" autocapitalize=\"none\" required><label for=\"p-nama\">"
    << T(ctx, "Nama tampilan", "Display name") << "</label><input id=\"p-nama\" name=\"display_name\" required>"
    << "<label for=\"p-sandi\">" << T(ctx, "Kata sandi", "Password") << "</label><input id=\"p-sandi\" "
    << "type=\"password\" name=\"password\" autocomplete=\"new-password\" required><label for=\"p-peran\">"
    << T(ctx, "Peran", "Role") << "</label><select id=\"p-peran\" name=\"role\">";
  for (const Role role : store::kAllRoles) {
    h << "<option value=\"" << store::RoleName(role) << "\">" << RoleLabel(ctx, role) << "</option>";
  }
  h << "</select><label for=\"p-koperasi\">" << T(ctx, "Koperasi (peran koperasi)", "Cooperative (cooperative roles)")
    << "</label><select id=\"p-koperasi\" name=\"cooperative_id\"><option value=\"\">"
    << T(ctx, "— tidak ada (admin / dinas) —", "— none (admin / dinas) —") << "</option>";
  for (const store::Cooperative& c : coops) h << "<option value=\"" << c.id << "\">" << Esc{c.nama} << "</option>";
  h << "</select><label for=\"p-wilayah\">" << T(ctx, "Wilayah pemeriksaan (dinas)", "Regions examined (dinas)")
    << "</label><select id=\"p-wilayah\" name=\"region_ids\" multiple size=\""
    << std::clamp<size_t>(regions.size(), 2, 6) << "\">";
  for (const store::Region& r : regions) h << "<option value=\"" << r.id << "\">" << Esc{r.nama} << "</option>";
  h << "</select><p><button>" << T(ctx, "Tambah", "Add") << "</button></p></form>";
}

}  // namespace

std::string AdminPage(const PageContext& ctx, const AdminView& view, const Problems& problems) {
  const std::vector<store::Region>& regions = view.regions;
  const std::vector<store::Cooperative>& coops = view.cooperatives;
  const std::vector<store::User>& users = view.users;
  Html h(32 * 1024 + (regions.size() + coops.size() + users.size()) * 300);
  Begin(h, ctx, T(ctx, "Administrasi", "Administration"));
  h << "<h1>" << T(ctx, "Administrasi", "Administration") << "</h1><p><a href=\"/admin/audit\">"
    << T(ctx, "Jejak audit seluruh sistem", "System-wide audit trail") << "</a></p>";
  ProblemList(h, ctx, problems);
  RegionsSection(h, ctx, regions);
  CooperativesSection(h, ctx, regions, coops);
  h << "<section class=\"kartu\"><h2>" << T(ctx, "Pengguna", "Users") << "</h2>";
  UsersTable(h, ctx, regions, coops, users);
  UserForm(h, ctx, regions, coops);
  h << "</section>";
  return End(h, ctx);
}

namespace {

// An audit action in words ("laporan.final" → "Memfinalkan penilaian"); the stored word itself when unknown.
std::string ActionWords(const PageContext& ctx, const std::string& action) {
  struct Words {
    const char* action;
    const char* id;
    const char* en;
  };
  static constexpr Words kWords[] = {
      {"masuk", "Masuk", "Logged in"},
      {"keluar", "Keluar", "Logged out"},
      {"laporan.buat", "Membuat laporan", "Created a laporan"},
      {"laporan.ubah", "Mengubah draf laporan", "Changed a draft laporan"},
      {"laporan.ajukan", "Mengajukan laporan ke Dinas", "Submitted a laporan to the Dinas"},
      {"laporan.koreksi_pemeriksa", "Pemeriksa mengubah angka atau jawaban", "Examiner changed figures or answers"},
      {"bukti.lampirkan", "Melampirkan berkas bukti", "Attached an evidence file"},
      {"laporan.kembalikan", "Mengembalikan laporan ke koperasi", "Returned a laporan to the cooperative"},
      {"laporan.final", "Memfinalkan penilaian", "Finalised an assessment"},
      {"laporan.revisi", "Memulai revisi koreksi", "Started a correction revision"},
      {"rencana.batas", "Mengubah batas satu tahun rencana", "Changed a one-year limit of the plan"},
      {"wilayah.buat", "Membuat wilayah", "Created a region"},
      {"koperasi.buat", "Membuat koperasi", "Created a cooperative"},
      {"pengguna.buat", "Membuat pengguna", "Created a user"},
      {"demo.lengkap", "Data demo selesai diisi", "Demo data complete"},
  };
  for (const Words& w : kWords) {
    if (action == w.action) return T(ctx, w.id, w.en);
  }
  return action;
}

}  // namespace

std::string AuditPage(const PageContext& ctx, const std::string& title, const std::vector<store::AuditEntry>& entries,
                      const std::string& older_url, const std::map<int64_t, store::User>& people,
                      const TimeZone& zone) {
  Html h(16 * 1024 + entries.size() * 400);
  Begin(h, ctx, title);
  h << "<h1>" << Esc{title} << "</h1>";
  if (entries.empty()) {
    h << "<p>" << T(ctx, "Belum ada catatan.", "No entries yet.") << "</p>";
    return End(h, ctx);
  }
  h << "<div class=\"gulir\"><table><thead><tr><th>" << T(ctx, "Waktu", "Time") << "</th><th>"
    << T(ctx, "Aksi", "Action") << "</th><th>" << T(ctx, "Pengguna", "User") << "</th><th>"
    << T(ctx, "Rincian", "Details") << "</th></tr></thead><tbody>";
  for (const store::AuditEntry& e : entries) {
    h << "<tr><td>" << Esc{FormatLocalDateTime(e.at, zone, ctx.lang)} << "</td><td>" << Esc{ActionWords(ctx, e.action)}
      << "<div class=\"kecil\">" << Esc{e.entity};
    if (e.entity_id) h << " #" << *e.entity_id;
    h << "</div></td><td>";
    if (e.user_id) {
      const auto who = people.find(*e.user_id);
      if (who != people.end()) {
        h << Esc{who->second.display_name.empty() ? who->second.username : who->second.display_name}
          << "<div class=\"kecil\">" << Esc{RoleLabel(ctx, who->second.role)} << "</div>";
      } else {
        h << T(ctx, "pengguna #", "user #") << *e.user_id;
      }
    }
    h << "</td><td>";
    if (e.cooperative_id) {
      h << "<a href=\"" << Esc{Path("/koperasi/", *e.cooperative_id)} << "\">" << T(ctx, "koperasi #", "cooperative #")
        << *e.cooperative_id << "</a>";
    }
    if (!e.before_json.empty() || !e.after_json.empty()) {
      h << "<details><summary>" << T(ctx, "Sebelum / sesudah", "Before / after") << "</summary><pre class=\"mono\">"
        << Esc{e.before_json} << "</pre><pre class=\"mono\">" << Esc{e.after_json} << "</pre></details>";
    }
    h << "</td></tr>";
  }
  h << "</tbody></table></div>";
  if (!older_url.empty()) {
    h << "<p><a class=\"tombol kedua\" href=\"" << Esc{older_url} << "\">" << T(ctx, "Catatan lebih lama", "Older entries")
      << "</a></p>";
  }
  return End(h, ctx);
}

}  // namespace kopsehat::web
