#include "laporan/laporan.h"

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/check.h"

namespace kopsehat {

namespace {
constexpr Section N = Section::kNeraca;
constexpr Section H = Section::kHasilUsaha;
constexpr Section P = Section::kPinjaman;
constexpr Section Q = Section::kPearls;
constexpr Section G = Section::kKegiatan;
constexpr BalanceSide A = BalanceSide::kAset;
constexpr BalanceSide AP = BalanceSide::kAsetPengurang;
constexpr BalanceSide K = BalanceSide::kKewajiban;
constexpr BalanceSide E = BalanceSide::kEkuitas;
constexpr BalanceSide X = BalanceSide::kNone;
}  // namespace

// The order is the order of laporan-v1 §1.1–1.3 and of every listing the program prints.
const std::array<LineSpec, kLineCount> kLines = {{
    {N, "kas", "Kas", "Cash on hand", A, false, false},
    {N, "bank", "Bank", "Bank accounts", A, false, false},
    {N, "simpanan_di_lembaga_lain", "Simpanan di lembaga lain", "Deposits placed at other institutions", A, false,
     false},
    {N, "penempatan_jangka_panjang", "Penempatan jangka panjang (bagian simpanan di lembaga lain)",
     "Long-term placements (part of deposits placed)", X, false, false},
    {N, "surat_berharga", "Surat berharga", "Securities", A, false, false},
    {N, "pinjaman_anggota", "Pinjaman kepada anggota", "Loans to members (gross)", A, false, false},
    {N, "pinjaman_non_anggota", "Pinjaman kepada non-anggota", "Loans to non-members (gross)", A, false, false},
    {N, "penyisihan_pinjaman", "Penyisihan penghapusan pinjaman", "Allowance for loan losses", AP, false, false},
    {N, "pendapatan_masih_harus_diterima", "Pendapatan yang masih harus diterima", "Accrued income", A, false, false},
    {N, "piutang_bunga", "Piutang bunga pinjaman", "Interest receivable on loans", X, false,
     false},
    {N, "aset_lancar_lain", "Aset lancar lain", "Other current assets", A, false, false},
    {N, "penyertaan", "Penyertaan", "Equity investments", A, false, false},
    {N, "aset_tetap_bersih", "Aset tetap (bersih)", "Fixed assets (net)", A, false, false},
    {N, "aset_lain", "Aset lain", "Other non-current assets", A, false, false},
    {N, "tabungan", "Tabungan / simpanan sukarela", "Members' voluntary savings", K, false, false},
    {N, "tabungan_anggota", "Tabungan milik anggota", "Voluntary savings held by members", X, false, false},
    {N, "simpanan_berjangka", "Simpanan berjangka", "Time deposits", K, false, false},
    {N, "simpanan_berjangka_anggota", "Simpanan berjangka milik anggota", "Time deposits held by members", X, false,
     false},
    {N, "beban_masih_harus_dibayar", "Beban yang masih harus dibayar", "Accrued expenses", K, false, false},
    {N, "dana_yang_diterima", "Dana yang diterima", "Funds received from third parties", K, false, false},
    {N, "utang_pajak", "Utang pajak", "Taxes payable", K, false, false},
    {N, "dana_shu", "Dana SHU", "SHU funds payable", K, false, false},
    {N, "kewajiban_lancar_lain", "Kewajiban lancar lain", "Other current liabilities", K, false, false},
    {N, "titipan_dana_kebajikan_anggota", "Titipan dana kebajikan anggota",
     "Members' welfare-fund deposits", X, false, false},
    {N, "utang_biaya", "Utang biaya", "Expenses payable", X, false, false},
    {N, "utang_jangka_panjang", "Utang jangka panjang", "Long-term borrowings", K, false, false},
    {N, "utang_jangka_panjang_jatuh_tempo", "Utang jangka panjang jatuh tempo dalam satu tahun",
     "Long-term borrowings due within one year", X, false, false},
    {N, "kewajiban_jangka_panjang_lain", "Kewajiban jangka panjang lain", "Other long-term liabilities", K, false,
     false},
    {N, "simpanan_pokok", "Simpanan pokok", "Principal member savings", E, true, false},
    {N, "simpanan_wajib", "Simpanan wajib", "Compulsory member savings", E, true, false},
    {N, "modal_penyetaraan", "Modal penyetaraan", "Equalisation capital", E, false, false},
    {N, "modal_penyertaan", "Modal penyertaan", "Participation capital", E, false, false},
    {N, "hibah", "Hibah / donasi", "Donated capital", E, false, false},
    {N, "cadangan_umum", "Cadangan umum", "General reserve", E, false, false},
    {N, "cadangan_tujuan_risiko", "Cadangan tujuan risiko", "Risk reserve", E, false, false},
    {N, "shu_belum_dibagi", "SHU belum dibagi", "Undistributed surplus (SHU)", E, false, true},
    {N, "shu_tahun_lalu", "SHU tahun-tahun sebelumnya", "Surplus of earlier years", X, false,
     true},
    {H, "partisipasi_bruto", "Partisipasi bruto", "Gross participation (income from members)", X, true, false},
    {H, "pendapatan_non_anggota", "Pendapatan dari non-anggota", "Income from non-members", X, false, false},
    {H, "beban_pokok", "Beban pokok", "Direct cost of services", X, false, false},
    {H, "beban_pokok_anggota", "Beban pokok untuk anggota", "Direct cost for members", X, false, false},
    {H, "beban_usaha", "Beban usaha", "Operating expenses", X, false, false},
    {H, "beban_usaha_anggota", "Beban usaha porsi anggota", "Operating expenses, members' share", X, false, false},
    {H, "biaya_karyawan", "Biaya karyawan", "Staff cost", X, false, false},
    {H, "beban_perkoperasian", "Beban perkoperasian", "Cooperative governance costs", X, false, false},
    {H, "pendapatan_lain", "Pendapatan lain", "Other income", X, false, false},
    {H, "beban_lain", "Beban lain", "Other expenses", X, false, false},
    {H, "pajak", "Pajak penghasilan", "Income tax", X, false, false},
    {H, "shu_bagian_anggota", "SHU bagian anggota", "SHU allocated to members", X, false, false},
    {H, "meppp", "MEPPP (manfaat ekonomi anggota)", "Members' economic benefit (MEPPP)", X, false, false},
    {P, "volume_anggota", "Volume pinjaman kepada anggota", "Loan volume to members", X, false, false},
    {P, "volume_total", "Volume pinjaman diberikan", "Loan volume, all borrowers", X, false, false},
    {P, "kurang_lancar", "Pinjaman kurang lancar", "Substandard loans", X, false, false},
    {P, "diragukan", "Pinjaman diragukan", "Doubtful loans", X, false, false},
    {P, "macet", "Pinjaman macet", "Loss loans", X, false, false},
    {P, "berisiko", "Pinjaman berisiko", "Under-collateralised (risky) loans", X, false, false},
    // Collateral counted against each problem class for the required allowance (PPAPWD, KKPKK §9.1); at most the
    // class's own balance (docs/formats.md).
    {P, "agunan_kurang_lancar", "Agunan diperhitungkan: pinjaman kurang lancar",
     "Collateral counted: substandard loans", X, false, false},
    {P, "agunan_diragukan", "Agunan diperhitungkan: pinjaman diragukan", "Collateral counted: doubtful loans", X,
     false, false},
    {P, "agunan_macet", "Agunan diperhitungkan: pinjaman macet", "Collateral counted: loss loans", X, false, false},
    // PEARLS (docs/formats.md): the WOCCU code each line serves is in the comment.
    {Q, "lalai_1_12_bulan", "Pinjaman lalai 1–12 bulan", "Loans delinquent 1–12 months", X, false, false},  // P2 P6 E9 A1
    {Q, "lalai_lebih_12_bulan", "Pinjaman lalai > 12 bulan", "Loans delinquent over 12 months", X, false, false},  // P1 P3
    {Q, "hapus_buku_kumulatif", "Hapus buku pinjaman kumulatif", "Accumulated loan charge-offs", X, false, false},  // P4 P5
    {Q, "pemulihan_kumulatif", "Pemulihan hapus buku kumulatif", "Accumulated recoveries of charge-offs", X, false,
     false},                                                                                                    // P5
    {Q, "aset_bermasalah", "Aset bermasalah", "Problem assets", X, false, false},                               // P6 E9 A3
    {Q, "investasi_likuid", "Investasi likuid", "Liquid investments", X, false, false},                         // E2 L1 R2
    {Q, "aset_likuid_tidak_menghasilkan", "Aset likuid tidak menghasilkan", "Non-earning liquid assets", X, false,
     false},                                                                                                    // L1 L3 A2
    {Q, "cadangan_likuiditas", "Cadangan likuiditas", "Liquidity reserves", X, false, false},                   // L2
    {Q, "investasi_keuangan", "Investasi keuangan", "Financial investments", X, false, false},                  // E3 R3
    {Q, "investasi_non_keuangan", "Investasi non-keuangan", "Non-financial investments", X, false, false},      // E4 R4
    {Q, "aset_tidak_menghasilkan_lain", "Aset tidak menghasilkan lainnya", "Other non-earning assets", X, false,
     false},                                                                                                    // A2 A3
    {Q, "utang_tidak_berbiaya", "Kewajiban tidak berbiaya", "Non-interest-bearing liabilities", X, false, false},  // A3
    {Q, "utang_tidak_berbiaya_30_hari", "Utang tidak berbiaya jatuh tempo ≤ 30 hari",
     "Non-interest payables due within 30 days", X, false, false},                                             // L1
    {Q, "modal_lembaga_lain", "Modal lembaga lainnya", "Other institutional capital", X, false, false},         // E8 E9
    {Q, "modal_transisi", "Modal transisi", "Transitory capital", X, false, false},                             // A3
    {Q, "anggota", "Jumlah anggota", "Number of members", X, false, false},                                    // S10
    {Q, "premi_asuransi_pinjaman", "Premi asuransi pinjaman", "Credit insurance premiums", X, false, false},    // R1
    {Q, "pendapatan_investasi_likuid", "Pendapatan investasi likuid", "Liquid investment income", X, false, false},  // R2
    {Q, "pendapatan_investasi_keuangan", "Pendapatan investasi keuangan", "Financial investment income", X, false,
     false},                                                                                                    // R3
    {Q, "pendapatan_investasi_non_keuangan", "Pendapatan investasi non-keuangan", "Non-financial investment income",
     X, false, false},                                                                                          // R4
    {Q, "biaya_simpanan_non_saham", "Biaya simpanan non-saham", "Financial cost of savings deposits", X, false,
     false},                                                                                                    // R5 R8
    {Q, "biaya_kredit_eksternal", "Biaya kredit eksternal", "Financial cost of external credit", X, false, false},  // R6
    {Q, "biaya_simpanan_saham", "Balas jasa simpanan saham", "Financial cost of member shares", X, false, false},  // R7
    {Q, "beban_penyisihan", "Beban penyisihan pinjaman", "Provision expense for risk assets", X, false, false},  // R10
    {Q, "pendapatan_tidak_berulang", "Pendapatan tidak berulang", "Non-recurring income", X, false, false},     // R11
    {Q, "beban_tidak_berulang", "Beban tidak berulang", "Non-recurring expense", X, false, false},              // R11
    // Activity figures (docs/formats.md): KKPKK's partisipasi simpanan, the sharia method's staff efficiency.
    {G, "setoran_simpanan_anggota", "Setoran simpanan oleh anggota selama periode",
     "Savings deposited by members during the period", X, false, false},
    {G, "setoran_simpanan_total", "Setoran simpanan seluruhnya selama periode",
     "Savings deposited by everyone during the period", X, false, false},
    {G, "anggota", "Jumlah anggota pada akhir periode", "Number of members at the end of the period", X, false,
     false},
    {G, "peminjam", "Jumlah peminjam / mitra pembiayaan", "Number of borrowers / financing clients", X, false, false},
    {G, "karyawan", "Jumlah karyawan (pengelola)", "Number of staff", X, false, false},
}};

const char* SectionKey(Section s) {
  switch (s) {
    case Section::kNeraca:
      return "neraca";
    case Section::kHasilUsaha:
      return "hasil_usaha";
    case Section::kPinjaman:
      return "pinjaman";
    case Section::kPearls:
      return "pearls";
    case Section::kKegiatan:
      return "kegiatan";
  }
  return "";
}

int FindLine(Section section, std::string_view key) {
  // Called for every key of every laporan read. Keys bucketed by section and length: a lookup is a couple of
  // compares of equal-length keys, cheaper than hashing the key (std::hash was 4 % of a batch run).
  constexpr size_t kMaxKeyLength = 48;
  struct Index {
    std::array<std::array<std::vector<int>, kMaxKeyLength + 1>, kSectionCount> by_length;
  };
  static const Index kIndex = [] {
    Index index;
    for (int i = 0; i < kLineCount; ++i) {
      const size_t n = std::char_traits<char>::length(kLines[size_t(i)].key);
      KOPSEHAT_CHECK(n <= kMaxKeyLength, std::string("laporan line key longer than FindLine's index allows: ") +
                                               kLines[size_t(i)].key);
      index.by_length[size_t(kLines[size_t(i)].section)][n].push_back(i);
    }
    return index;
  }();
  if (key.size() > kMaxKeyLength) return -1;
  for (const int i : kIndex.by_length[size_t(section)][key.size()]) {
    if (std::memcmp(kLines[size_t(i)].key, key.data(), key.size()) == 0) return i;
  }
  return -1;
}

int FindLine(std::string_view section, std::string_view key) {
  for (int s = 0; s < kSectionCount; ++s) {
    if (section == SectionKey(Section(s))) return FindLine(Section(s), key);
  }
  return -1;
}

int FindLine(std::string_view path) {
  const size_t dot = path.find('.');
  if (dot == std::string_view::npos) return -1;
  return FindLine(path.substr(0, dot), path.substr(dot + 1));
}

std::string LinePath(int index) {
  const LineSpec& spec = kLines[size_t(index)];
  return std::string(SectionKey(spec.section)) + "." + spec.key;
}

namespace {
// Called for every amount read: a table filled once at start-up, not function-local statics (each a guarded load).
const std::bitset<kLineCount> kCountLines = [] {
  std::bitset<kLineCount> b;
  for (const char* path : {"pearls.anggota", "kegiatan.anggota", "kegiatan.peminjam", "kegiatan.karyawan"}) b.set(size_t(FindLine(path)));
  return b;
}();
}  // namespace

bool IsCountLine(int index) { return index >= 0 && index < kLineCount && kCountLines[size_t(index)]; }

namespace line {
int Index(const char* path) {
  const int i = FindLine(path);
  KOPSEHAT_CHECK(i >= 0, std::string("no laporan line ") + path);
  return i;
}
}  // namespace line

const ChecklistAnswers* Laporan::FindChecklist(std::string_view key) const { return FindChecklist("", key); }

const ChecklistAnswers* Laporan::FindChecklist(std::string_view set, std::string_view key) const {
  for (const ChecklistAnswers& c : checklists) {
    if (c.set == set && c.key == key) return &c;
  }
  return nullptr;
}

bool Laporan::HasChecklistSet(std::string_view set) const {
  if (set.empty()) return has_manajemen;
  for (const std::string& s : checklist_sets) {
    if (s == set) return true;
  }
  return false;
}

int ParseKuk(std::string_view text) {
  return text.size() == 1 && text[0] >= '1' && text[0] <= '4' ? text[0] - '0' : 0;
}

const std::vector<LinePart>& LineParts() {
  static const std::vector<LinePart> kParts = [] {
    const struct {
      const char* part;
      const char* whole;
      PartDefault default_kind;
    } kTable[] = {
        {"neraca.penempatan_jangka_panjang", "neraca.simpanan_di_lembaga_lain", PartDefault::kZero},
        {"neraca.piutang_bunga", "neraca.pendapatan_masih_harus_diterima", PartDefault::kZero},
        {"neraca.tabungan_anggota", "neraca.tabungan", PartDefault::kWhole},
        {"neraca.simpanan_berjangka_anggota", "neraca.simpanan_berjangka", PartDefault::kWhole},
        {"neraca.titipan_dana_kebajikan_anggota", "neraca.kewajiban_lancar_lain", PartDefault::kZero},
        {"neraca.utang_biaya", "neraca.kewajiban_lancar_lain", PartDefault::kZero},
        {"neraca.utang_jangka_panjang_jatuh_tempo", "neraca.utang_jangka_panjang", PartDefault::kZero},
        {"neraca.shu_tahun_lalu", "neraca.shu_belum_dibagi", PartDefault::kZero},
        {"hasil_usaha.beban_pokok_anggota", "hasil_usaha.beban_pokok", PartDefault::kWhole},
        {"hasil_usaha.beban_usaha_anggota", "hasil_usaha.beban_usaha", PartDefault::kProRataByIncome},
    };
    std::vector<LinePart> v;
    for (const auto& t : kTable) v.push_back(LinePart{line::Index(t.part), line::Index(t.whole), t.default_kind});
    return v;
  }();
  return kParts;
}

const LinePart* PartOf(int line) {
  for (const LinePart& p : LineParts()) {
    if (p.part == line) return &p;
  }
  return nullptr;
}

namespace {
// round_half_up(whole × pb ÷ (pb + na)) in sen; the whole when pb + na is not positive. |whole|, pb, na ≤ 10^17 sen,
// so the product fits in 128 bits.
Sen ProRataByIncome(Sen whole, Sen pb, Sen na) {
  const i128 income = i128(pb) + na;
  if (income <= 0 || pb < 0 || na < 0) return whole;
  const i128 num = i128(whole) * pb;
  const i128 q = num / income;
  const i128 r = num % income;
  return Sen(2 * (r < 0 ? -r : r) >= income ? q + (num < 0 ? -1 : 1) : q);
}
}  // namespace

void ApplyDefaults(Statements* s) {
  static const int kPartisipasiBruto = line::Index("hasil_usaha.partisipasi_bruto");
  static const int kPendapatanNonAnggota = line::Index("hasil_usaha.pendapatan_non_anggota");
  for (const LinePart& p : LineParts()) {
    if (s->present[size_t(p.part)]) continue;
    switch (p.default_kind) {
      case PartDefault::kZero:
        s->sen[size_t(p.part)] = 0;
        break;
      case PartDefault::kWhole:
        s->sen[size_t(p.part)] = s->Get(p.whole);
        break;
      case PartDefault::kProRataByIncome:
        s->sen[size_t(p.part)] =
            ProRataByIncome(s->Get(p.whole), s->Get(kPartisipasiBruto), s->Get(kPendapatanNonAnggota));
        break;
    }
  }
  static const int kPinjamanAnggota = line::Index("neraca.pinjaman_anggota");
  static const int kPinjamanNonAnggota = line::Index("neraca.pinjaman_non_anggota");
  static const int kVolumeAnggota = line::Index("pinjaman.volume_anggota");
  static const int kVolumeTotal = line::Index("pinjaman.volume_total");
  if (!s->present[size_t(kVolumeAnggota)]) s->sen[size_t(kVolumeAnggota)] = s->Get(kPinjamanAnggota);
  if (!s->present[size_t(kVolumeTotal)]) {
    s->sen[size_t(kVolumeTotal)] = s->Get(kPinjamanAnggota) + s->Get(kPinjamanNonAnggota);
  }
}

}  // namespace kopsehat
