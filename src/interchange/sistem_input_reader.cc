// interchange/sistem_input_reader.cc — see sistem_input_reader.h. The rows and labels follow the workbook of August
// 2021 (KSP KUK I dan II); each row goes to the laporan-v1 line that keeps the workbook's formulas closest
// (docs/formats.md, "Lembar kerja Sistem Input pemeriksa"), and the sums go through LaporanBuilder like a cell of our
// own template.
#include "interchange/sistem_input_reader.h"

#include <charconv>
#include <map>
#include <utility>
#include <vector>

#include "core/int128.h"
#include "interchange/fields.h"

namespace kopsehat {

namespace {

constexpr uint32_t kColLabel = 3;     // C: the line's name
constexpr uint32_t kColCurrent = 4;   // D: tahun berjalan (and the checklist answer)
constexpr uint32_t kColPrevious = 5;  // E: tahun lalu
constexpr size_t kMaxLabelProblems = 10;  // a workbook of another layout: the first few rows, then one summary

// One financial row of the Input sheet. `keyword` must appear in the row's label (normalised: lower case, words
// only) — the check that the row is the one we think; null: any non-empty label (the line's exact wording is not
// known from the published example). `part`: the row is also (part of) that "rincian" line. `sign` −1: the row is
// subtracted (accumulated depreciation).
struct InputRow {
  uint16_t row;
  const char* label;  // the workbook's label (SistemInputRowLabels)
  const char* keyword;
  const char* whole;
  const char* part;
  int8_t sign;
};

// Rows 205–211 are added to neraca.aset_lain, except those labelled as amortisation, which are subtracted.
constexpr uint16_t kFirstOtherAssetRow = 205, kLastOtherAssetRow = 211;

constexpr InputRow kRows[] = {
    {175, "Kas", "kas", "neraca.kas", nullptr, 1},
    {176, "Giro", "giro", "neraca.bank", nullptr, 1},
    {177, "Tabungan", "tabungan", "neraca.bank", nullptr, 1},
    {178, "Deposito", "deposito", "neraca.simpanan_di_lembaga_lain", nullptr, 1},
    {179, "Simpanan sukarela pada koperasi lain", "sukarela", "neraca.simpanan_di_lembaga_lain", nullptr, 1},
    {180, "Simpanan berjangka pada koperasi lain", "berjangka", "neraca.simpanan_di_lembaga_lain", nullptr, 1},
    {181, "Surat berharga", "surat berharga", "neraca.surat_berharga", nullptr, 1},
    {182, "Piutang anggota", "piutang anggota", "neraca.pinjaman_anggota", nullptr, 1},
    {183, "Piutang pada calon anggota", "calon anggota", "neraca.pinjaman_non_anggota", nullptr, 1},
    {184, "Piutang pada koperasi lain", "koperasi lain", "neraca.pinjaman_non_anggota", nullptr, 1},
    {185, "Piutang bunga", "bunga", "neraca.pendapatan_masih_harus_diterima", "neraca.piutang_bunga", 1},
    {186, "Piutang lain-lain", "piutang lain", "neraca.aset_lancar_lain", nullptr, 1},
    {187, "Penyisihan pinjaman yang tidak tertagih", "penyisihan", "neraca.penyisihan_pinjaman", nullptr, 1},
    {188, "Premi asuransi", "asuransi", "neraca.aset_lancar_lain", nullptr, 1},
    {189, "Perlengkapan", "perlengkapan", "neraca.aset_lancar_lain", nullptr, 1},
    {190, "Beban dibayar dimuka", "dibayar", "neraca.aset_lancar_lain", nullptr, 1},
    {191, "Pendapatan akan diterima", "pendapatan", "neraca.pendapatan_masih_harus_diterima", nullptr, 1},
    {192, "Persediaan", "persediaan", "neraca.aset_lancar_lain", nullptr, 1},
    {193, "Aktiva lancar lainnya", "lancar", "neraca.aset_lancar_lain", nullptr, 1},
    {194, "Simpanan/tabungan berjangka", "berjangka", "neraca.simpanan_di_lembaga_lain", "neraca.penempatan_jangka_panjang", 1},
    {195, "Surat berharga jangka panjang", "surat berharga", "neraca.surat_berharga", nullptr, 1},
    {196, "Simpanan di KSP lain", "simpanan", "neraca.simpanan_di_lembaga_lain", "neraca.penempatan_jangka_panjang", 1},
    {197, "Penyertaan pada koperasi lain", "penyertaan", "neraca.penyertaan", nullptr, 1},
    {198, "Penyertaan pada lembaga keuangan lain", "penyertaan", "neraca.penyertaan", nullptr, 1},
    {199, "Investasi jangka panjang lainnya", "investasi", "neraca.penyertaan", nullptr, 1},
    {200, "Tanah", "tanah", "neraca.aset_tetap_bersih", nullptr, 1},
    {201, "Bangunan", "bangunan", "neraca.aset_tetap_bersih", nullptr, 1},
    {202, "Kendaraan", "kendaraan", "neraca.aset_tetap_bersih", nullptr, 1},
    {203, "Inventaris dan peralatan", "inventaris", "neraca.aset_tetap_bersih", nullptr, 1},
    {204, "Akumulasi penyusutan", "penyusutan", "neraca.aset_tetap_bersih", nullptr, -1},
    {205, "Aktiva tidak berwujud", nullptr, "neraca.aset_lain", nullptr, 1},
    {206, "Akumulasi amortisasi aktiva tidak berwujud", nullptr, "neraca.aset_lain", nullptr, 1},
    {207, "Beban ditangguhkan", nullptr, "neraca.aset_lain", nullptr, 1},
    {208, "Agunan yang diambil alih", nullptr, "neraca.aset_lain", nullptr, 1},
    {209, "Beban pra-operasional", nullptr, "neraca.aset_lain", nullptr, 1},
    {210, "Akumulasi amortisasi beban pra-operasional", nullptr, "neraca.aset_lain", nullptr, 1},
    {211, "Aktiva lain-lain", nullptr, "neraca.aset_lain", nullptr, 1},
    {212, "Tabungan/simpanan anggota", "simpanan anggota", "neraca.tabungan", "neraca.tabungan_anggota", 1},
    {213, "Tabungan/simpanan non anggota", "non anggota", "neraca.tabungan", nullptr, 1},
    {214, "Simpanan berjangka anggota", "berjangka anggota", "neraca.simpanan_berjangka", "neraca.simpanan_berjangka_anggota", 1},
    {215, "Simpanan berjangka calon anggota dan koperasi lain", "berjangka", "neraca.simpanan_berjangka", nullptr, 1},
    {216, "Hutang bank jatuh tempo kurang dari 1 tahun", "bank", "neraca.utang_jangka_panjang", "neraca.utang_jangka_panjang_jatuh_tempo", 1},
    {217, "Hutang LPDB jatuh tempo kurang dari 1 tahun", "lpdb", "neraca.utang_jangka_panjang", "neraca.utang_jangka_panjang_jatuh_tempo", 1},
    {218, "Hutang pajak", "pajak", "neraca.utang_pajak", nullptr, 1},
    {219, "Beban yang masih harus dibayar", "masih harus dibayar", "neraca.beban_masih_harus_dibayar", nullptr, 1},
    {220, "Pendapatan lain diterima dimuka", "dimuka", "neraca.kewajiban_lancar_lain", nullptr, 1},
    {221, "Hutang biaya", "biaya", "neraca.kewajiban_lancar_lain", "neraca.utang_biaya", 1},
    {222, "Dana bagian SHU", "shu", "neraca.dana_shu", nullptr, 1},
    {223, "Titipan dana kebajikan anggota", "kebajikan", "neraca.kewajiban_lancar_lain", "neraca.titipan_dana_kebajikan_anggota", 1},
    {224, "Titipan jaminan kesehatan", "titipan", "neraca.kewajiban_lancar_lain", nullptr, 1},
    {225, "Titipan zakat, infaq dan shadaqoh", "zakat", "neraca.kewajiban_lancar_lain", nullptr, 1},
    {226, "Hutang sewa guna usaha", "sewa guna", "neraca.kewajiban_lancar_lain", nullptr, 1},
    {227, "Kewajiban jangka pendek lainnya", "jangka pendek", "neraca.kewajiban_lancar_lain", nullptr, 1},
    {228, "Hutang bank", "bank", "neraca.utang_jangka_panjang", nullptr, 1},
    {229, "Hutang jangka panjang pada koperasi lain", "koperasi lain", "neraca.utang_jangka_panjang", nullptr, 1},
    {230, "Antar kantor pasiva", "antar kantor", "neraca.kewajiban_jangka_panjang_lain", nullptr, 1},
    {231, "Simpanan berjangka", "berjangka", "neraca.kewajiban_jangka_panjang_lain", nullptr, 1},
    {232, "Titipan dana jangka panjang", "titipan", "neraca.kewajiban_jangka_panjang_lain", nullptr, 1},
    {233, "Hutang LPDB", "lpdb", "neraca.utang_jangka_panjang", nullptr, 1},
    {234, "Hutang sewa guna usaha jangka panjang", "sewa guna", "neraca.utang_jangka_panjang", nullptr, 1},
    {235, "Hutang jangka panjang lainnya", "jangka panjang", "neraca.kewajiban_jangka_panjang_lain", nullptr, 1},
    {236, "Simpanan pokok", "simpanan pokok", "neraca.simpanan_pokok", nullptr, 1},
    {237, "Simpanan wajib", "simpanan wajib", "neraca.simpanan_wajib", nullptr, 1},
    {238, "Modal penyetaraan", "penyetaraan", "neraca.modal_penyetaraan", nullptr, 1},
    {239, "Modal penyertaan", "penyertaan", "neraca.modal_penyertaan", nullptr, 1},
    {240, "Modal sumbangan/hibah/donasi", "sumbangan", "neraca.hibah", nullptr, 1},
    {241, "Cadangan umum", "cadangan umum", "neraca.cadangan_umum", nullptr, 1},
    {242, "Cadangan tujuan risiko", "tujuan risiko", "neraca.cadangan_tujuan_risiko", nullptr, 1},
    {243, "SHU periode sebelumnya", "sebelumnya", "neraca.shu_belum_dibagi", "neraca.shu_tahun_lalu", 1},
    {244, "SHU periode berjalan", "berjalan", "neraca.shu_belum_dibagi", nullptr, 1},
    {245, "Pendapatan jasa pinjaman anggota", "pinjaman", "hasil_usaha.partisipasi_bruto", nullptr, 1},
    {246, "Pendapatan administrasi anggota", "administrasi", "hasil_usaha.partisipasi_bruto", nullptr, 1},
    {247, "Pendapatan provisi anggota", "provisi", "hasil_usaha.partisipasi_bruto", nullptr, 1},
    {248, "Pendapatan jasa lain anggota", "jasa lain", "hasil_usaha.partisipasi_bruto", nullptr, 1},
    {249, "Pendapatan jasa pinjaman non anggota", "non anggota", "hasil_usaha.pendapatan_non_anggota", nullptr, 1},
    {250, "Pendapatan administrasi non anggota", "non anggota", "hasil_usaha.pendapatan_non_anggota", nullptr, 1},
    {251, "Pendapatan provisi non anggota", "non anggota", "hasil_usaha.pendapatan_non_anggota", nullptr, 1},
    {252, "Pendapatan jasa lain non anggota", "non anggota", "hasil_usaha.pendapatan_non_anggota", nullptr, 1},
    {253, "Beban jasa simpanan/tabungan dari anggota", "anggota", "hasil_usaha.beban_pokok", "hasil_usaha.beban_pokok_anggota", 1},
    {254, "Beban jasa simpanan berjangka dari anggota", "anggota", "hasil_usaha.beban_pokok", "hasil_usaha.beban_pokok_anggota", 1},
    {255, "Beban jasa simpanan/tabungan non anggota", "non anggota", "hasil_usaha.beban_pokok", nullptr, 1},
    {256, "Beban jasa simpanan berjangka non anggota", "non anggota", "hasil_usaha.beban_pokok", nullptr, 1},
    {257, "Beban jasa hutang bank", "bank", "hasil_usaha.beban_pokok", nullptr, 1},
    {258, "Beban jasa hutang LPDB", "lpdb", "hasil_usaha.beban_pokok", nullptr, 1},
    {259, "Beban jasa modal penyertaan", "penyertaan", "hasil_usaha.beban_pokok", nullptr, 1},
    {260, "Beban jasa pihak III lainnya", "pihak", "hasil_usaha.beban_pokok", nullptr, 1},
    {261, "Biaya gaji pengelola", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {262, "Biaya bunga pinjaman", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {263, "Honor karyawan", "karyawan", "hasil_usaha.beban_usaha", "hasil_usaha.biaya_karyawan", 1},
    {264, "Biaya tunjangan karyawan", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {265, "Biaya sewa kantor", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {266, "Biaya listrik, air dan telepon", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {267, "Biaya penyusutan", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {268, "Biaya amortisasi", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {269, "Biaya pemeliharaan", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {270, "Biaya promosi dan pemasaran", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {271, "Biaya perjalanan dinas", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {272, "Biaya transportasi", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {273, "Biaya administrasi dan umum", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {274, "Biaya pajak (non-PPh)", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {275, "Biaya asuransi", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {276, "Biaya operasional lain", nullptr, "hasil_usaha.beban_usaha", nullptr, 1},
    {277, "Beban pengawas dan pengurus", "pengurus", "hasil_usaha.beban_perkoperasian", nullptr, 1},
    {278, "Beban pembinaan", "pembinaan", "hasil_usaha.beban_perkoperasian", nullptr, 1},
    {279, "Beban rapat anggota", "rapat", "hasil_usaha.beban_perkoperasian", nullptr, 1},
    {280, "Pendapatan dividen/bagi hasil", "dividen", "hasil_usaha.pendapatan_lain", nullptr, 1},
    {281, "Pendapatan sewa", "sewa", "hasil_usaha.pendapatan_lain", nullptr, 1},
    {282, "Pendapatan lain-lain", "lain", "hasil_usaha.pendapatan_lain", nullptr, 1},
    {283, "Biaya lain-lain", "lain", "hasil_usaha.beban_lain", nullptr, 1},
    {284, "Pajak penghasilan", "pajak", "hasil_usaha.pajak", nullptr, 1},
    {285, "Pembiayaan kurang lancar", "kurang lancar", "pinjaman.kurang_lancar", nullptr, 1},
    {286, "Pembiayaan diragukan", "diragukan", "pinjaman.diragukan", nullptr, 1},
    {287, "Pembiayaan macet", "macet", "pinjaman.macet", nullptr, 1},
    {288, "Nilai agunan pembiayaan kurang lancar", "agunan", "pinjaman.agunan_kurang_lancar", nullptr, 1},
    {289, "Nilai agunan pembiayaan diragukan", "agunan", "pinjaman.agunan_diragukan", nullptr, 1},
    {290, "Nilai agunan pembiayaan macet", "agunan", "pinjaman.agunan_macet", nullptr, 1},
};

// The checklists of rows 6–171 (column D: "Terpenuhi" / "Tidak Terpenuhi"), daftar_periksa.kkpkk.<list>.
struct ChecklistRows {
  const char* list;
  uint16_t first, last;
};
constexpr ChecklistRows kChecklists[] = {
    {"prinsip_keanggotaan", 6, 9},          {"prinsip_demokratis", 10, 14},
    {"prinsip_shu", 15, 17},                {"prinsip_balas_jasa", 18, 21},
    {"prinsip_kemandirian", 22, 25},        {"prinsip_pendidikan", 26, 29},
    {"prinsip_kerjasama", 30, 33},          {"kelembagaan_badan_hukum", 36, 38},
    {"kelembagaan_izin_usaha", 39, 41},     {"kelembagaan_anggaran_dasar", 42, 58},
    {"kelembagaan_keanggotaan", 59, 62},    {"kelembagaan_organisasi", 63, 65},
    {"manajemen_umum", 68, 70},             {"manajemen_kelembagaan", 71, 74},
    {"manajemen_permodalan", 75, 78},       {"manajemen_aset", 79, 82},
    {"manajemen_likuiditas", 83, 86},       {"operasional_skala_organisasi", 91, 94},
    {"operasional_keberagaman_produk", 95, 98}, {"kepatuhan_pelanggaran", 101, 104},
    {"kepatuhan_tindak_lanjut", 105, 108},  {"likuiditas_akses_pendanaan", 111, 115},
    {"kpmr_kredit_pengawasan", 119, 122},   {"kpmr_kredit_kebijakan", 123, 125},
    {"kpmr_kredit_proses", 126, 129},       {"kpmr_operasional_pengawasan", 132, 135},
    {"kpmr_operasional_kebijakan", 136, 138}, {"kpmr_operasional_proses", 139, 142},
    {"kpmr_kepatuhan_pengawasan", 145, 148}, {"kpmr_kepatuhan_kebijakan", 149, 152},
    {"kpmr_kepatuhan_proses", 153, 156},    {"kpmr_likuiditas_pengawasan", 159, 162},
    {"kpmr_likuiditas_kebijakan", 163, 167}, {"kpmr_likuiditas_proses", 168, 171},
};

// The cached nilai of the 60 indicators (column D of TK, PR, K, P), in rulebook order for KUK 1–2.
struct ResultCell {
  const char* sheet;
  uint16_t row;
  const char* component;
};
constexpr ResultCell kNilaiCells[] = {
    {"TK", 4, "tata_kelola.keanggotaan_sukarela"},
    {"TK", 6, "tata_kelola.pengelolaan_demokratis"},
    {"TK", 8, "tata_kelola.pembagian_shu"},
    {"TK", 10, "tata_kelola.balas_jasa_modal"},
    {"TK", 12, "tata_kelola.kemandirian"},
    {"TK", 14, "tata_kelola.pendidikan"},
    {"TK", 16, "tata_kelola.kerjasama"},
    {"TK", 22, "tata_kelola.legalitas_badan_hukum"},
    {"TK", 24, "tata_kelola.izin_usaha"},
    {"TK", 26, "tata_kelola.anggaran_dasar"},
    {"TK", 28, "tata_kelola.keanggotaan"},
    {"TK", 30, "tata_kelola.kelengkapan_organisasi"},
    {"TK", 36, "tata_kelola.manajemen_umum"},
    {"TK", 38, "tata_kelola.manajemen_kelembagaan"},
    {"TK", 40, "tata_kelola.manajemen_permodalan"},
    {"TK", 42, "tata_kelola.manajemen_aset"},
    {"TK", 44, "tata_kelola.manajemen_likuiditas"},
    {"PR", 5, "profil_risiko.aset_produktif_total_aset"},
    {"PR", 7, "profil_risiko.pinjaman_aset_produktif"},
    {"PR", 10, "profil_risiko.operasional_skala_organisasi"},
    {"PR", 12, "profil_risiko.operasional_keberagaman_produk"},
    {"PR", 15, "profil_risiko.kepatuhan_pelanggaran"},
    {"PR", 17, "profil_risiko.kepatuhan_tindak_lanjut"},
    {"PR", 20, "profil_risiko.aset_likuid_total_aset"},
    {"PR", 22, "profil_risiko.aset_likuid_kewajiban_lancar"},
    {"PR", 24, "profil_risiko.akses_pendanaan"},
    {"PR", 31, "profil_risiko.kpmr_kredit_pengawasan"},
    {"PR", 32, "profil_risiko.kpmr_kredit_kebijakan"},
    {"PR", 33, "profil_risiko.kpmr_kredit_proses"},
    {"PR", 35, "profil_risiko.kpmr_operasional_pengawasan"},
    {"PR", 36, "profil_risiko.kpmr_operasional_kebijakan"},
    {"PR", 37, "profil_risiko.kpmr_operasional_proses"},
    {"PR", 39, "profil_risiko.kpmr_kepatuhan_pengawasan"},
    {"PR", 40, "profil_risiko.kpmr_kepatuhan_kebijakan"},
    {"PR", 41, "profil_risiko.kpmr_kepatuhan_proses"},
    {"PR", 43, "profil_risiko.kpmr_likuiditas_pengawasan"},
    {"PR", 44, "profil_risiko.kpmr_likuiditas_kebijakan"},
    {"PR", 45, "profil_risiko.kpmr_likuiditas_proses"},
    {"K", 5, "kinerja_keuangan.roa"},
    {"K", 7, "kinerja_keuangan.roe"},
    {"K", 9, "kinerja_keuangan.kemandirian_operasional"},
    {"K", 15, "kinerja_keuangan.bopo"},
    {"K", 17, "kinerja_keuangan.beban_usaha_shu_kotor"},
    {"K", 26, "kinerja_keuangan.pinjaman_anggota"},
    {"K", 28, "kinerja_keuangan.npl"},
    {"K", 30, "kinerja_keuangan.cadangan_risiko"},
    {"K", 36, "kinerja_keuangan.rasio_kas"},
    {"K", 38, "kinerja_keuangan.pinjaman_dana_diterima"},
    {"K", 40, "kinerja_keuangan.rasio_lancar"},
    {"K", 49, "kinerja_keuangan.pertumbuhan_aset"},
    {"K", 51, "kinerja_keuangan.pertumbuhan_dana_diterima"},
    {"K", 53, "kinerja_keuangan.pertumbuhan_ekuitas"},
    {"K", 55, "kinerja_keuangan.pertumbuhan_shu"},
    {"K", 61, "kinerja_keuangan.pendapatan_utama"},
    {"K", 63, "kinerja_keuangan.shu_simpanan_pokok_wajib"},
    {"K", 65, "kinerja_keuangan.partisipasi_simpanan"},
    {"P", 4, "permodalan.ekuitas_total_aset"},
    {"P", 6, "permodalan.kecukupan_modal"},
    {"P", 12, "permodalan.modal_pinjaman_anggota"},
    {"P", 14, "permodalan.kewajiban_jangka_panjang_ekuitas"},
};

// The aspect percentages (pooled, unrounded) and the final score.
struct PersenCell {
  const char* sheet;
  const char* ref;
  const char* id;
};
constexpr PersenCell kPersenCells[] = {
    {"TK", "E49", "tata_kelola"},      {"PR", "E49", "profil_risiko"}, {"K", "E72", "kinerja_keuangan"},
    {"P", "E19", "permodalan"},        {"OP", "F46", "total"},
};

constexpr const char* kSheetNames[] = {"Input", "BS", "PHU", "ATMR", "NPL", "TK", "PR", "K", "P", "OP"};
constexpr int kMinSheetsRecognised = 6;

// Lower case, every run of non-alphanumeric characters one space, trimmed: "Tabungan/Simpanan  Anggota" →
// "tabungan simpanan anggota".
std::string Normalised(std::string_view s) {
  std::string out;
  bool space = false;
  for (const char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    const bool word = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
    if (!word) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(u >= 'A' && u <= 'Z' ? char(u - 'A' + 'a') : c);
  }
  return out;
}

// The cells of one sheet by (row, column).
class SheetIndex {
 public:
  explicit SheetIndex(const XlsxSheet* sheet) : sheet_(sheet) {
    if (sheet == nullptr) return;
    for (const XlsxCell& c : sheet->cells) cells_[Key(c.row, c.col)] = &c;
    for (const auto& [row, col] : sheet->uncached_formulas) uncached_[Key(row, col)] = true;
  }
  const XlsxCell* At(uint32_t row, uint32_t col) const {
    auto it = cells_.find(Key(row, col));
    return it == cells_.end() ? nullptr : it->second;
  }
  bool Uncached(uint32_t row, uint32_t col) const { return uncached_.count(Key(row, col)) != 0; }
  const XlsxSheet* sheet() const { return sheet_; }

 private:
  static uint64_t Key(uint32_t row, uint32_t col) { return (uint64_t(row) << 32) | col; }
  const XlsxSheet* sheet_;
  std::map<uint64_t, const XlsxCell*> cells_;
  std::map<uint64_t, bool> uncached_;
};

std::string CellText(const XlsxCell* c) { return c == nullptr ? std::string() : std::string(TrimCell(c->text)); }

// A number cell's stored text in sen, rounded half up to the sen when it holds a fraction of one (the workbook
// computes with doubles: 775.435.518,47337). Decimal throughout, as ParseSpreadsheetNumberSen: the stored text is
// first cut to the 15 significant digits a double carries.
AmountError WorkbookNumberSen(std::string_view stored, Sen* out, bool* rounded) {
  *rounded = false;
  const AmountError plain = ParseSpreadsheetNumberSen(stored, out);
  if (plain != AmountError::kTooManyDecimals) return plain;
  const size_t e = stored.find_first_of("eE");
  Decimal d;
  if (ParseDecimal(stored.substr(0, e), &d) != DecimalError::kNone) return AmountError::kNotANumber;
  int exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view x = stored.substr(e + 1);
    if (!x.empty() && x[0] == '+') x.remove_prefix(1);
    const auto [ptr, ec] = std::from_chars(x.data(), x.data() + x.size(), exponent);
    if (ec != std::errc() || ptr != x.data() + x.size() || exponent > 400 || exponent < -400) {
      return AmountError::kNotANumber;
    }
  }
  i128 units = d.units;
  int scale = d.scale - exponent;
  int digits = 0;
  for (i128 m = units < 0 ? -units : units; m != 0; m /= 10) ++digits;
  if (digits > 15) {
    units = RoundHalfUp(units, Pow10(digits - 15), 0);
    scale -= digits - 15;
  }
  if (scale <= 2) return plain;  // not a fraction of a sen after all: keep the plain parser's verdict
  *rounded = true;
  *out = scale - 2 > 38 ? 0 : Sen(RoundHalfUp(units, Pow10(scale - 2), 0));
  return AmountError::kNone;
}

// One line's total over its rows, for one year.
struct LineSum {
  std::string key;     // "neraca.bank" or "periode_lalu.neraca.bank"
  Place place;         // the first row's cell: where "required" and whole-line problems point
  i128 sum_sen = 0;
  bool any = false;    // a filled cell
  bool refused = false;  // a cell was refused (already reported)
};

class Reader {
 public:
  Reader(const XlsxWorkbook& workbook, const std::string& file_name, Laporan* out, SistemInputCache* cache,
         Problems* problems)
      : workbook_(workbook), file_name_(file_name), out_(out), cache_(cache), problems_(problems),
        builder_(out, problems) {
    builder_.SetDate1904(workbook.date1904);
  }

  bool Read() {
    const size_t before = problems_->size();
    const XlsxSheet* input = workbook_.FindSheet("Input");
    if (input == nullptr) {
      problems_->Add(file_name_, "lembar_tidak_ada",
                     "lembar 'Input' tidak ada; lembar kerja Sistem Input pemeriksa menyimpan semua isian di lembar itu",
                     "there is no sheet 'Input'; the examiner's Sistem Input workbook keeps every input on that sheet");
      return false;
    }
    sheet_name_ = input->name;
    const SheetIndex cells(input);
    CheckLabels(cells);
    ReadIdentity(cells);
    ReadAmounts(cells);
    std::vector<ChecklistAnswers> checklists = ReadChecklists(cells);
    const bool ok = builder_.Finish();
    PointWholeDocumentProblems(before);
    for (ChecklistAnswers& c : checklists) out_->checklists.push_back(std::move(c));
    if (!checklists.empty()) out_->checklist_sets.push_back("kkpkk");
    if (cache_ != nullptr) ReadCache();
    return ok && problems_->size() == before;
  }

 private:
  Place At(uint32_t row, uint32_t col) const { return Place{&sheet_name_, row, col}; }
  std::string Where(uint32_t row, uint32_t col, std::string_view key) const {
    return At(row, col).Text() + " (" + std::string(key) + ")";
  }

  // Each row's label must be the line we read it as: a workbook of another layout (another KUK, another year's
  // template) is refused rather than misread.
  void CheckLabels(const SheetIndex& cells) {
    size_t wrong = 0;
    for (const InputRow& r : kRows) {
      const std::string label = Normalised(CellText(cells.At(r.row, kColLabel)));
      const bool ok = !label.empty() && (r.keyword == nullptr || label.find(r.keyword) != std::string::npos);
      if (ok) continue;
      if (++wrong > kMaxLabelProblems) continue;
      const std::string shown = CellText(cells.At(r.row, kColLabel)).substr(0, 60);
      const std::string got_id = shown.empty() ? "kosong" : "'" + shown + "'";
      const std::string got_en = shown.empty() ? "empty" : "'" + shown + "'";
      problems_->Add(At(r.row, kColLabel).Text(), "label_berbeda",
                     "label baris ini " + got_id + ", seharusnya '" + r.label +
                         "': tata letak lembar Input berbeda dari lembar kerja Sistem Input KSP KUK I dan II (2021), "
                         "sehingga angkanya tidak dapat dibaca menurut posisinya",
                     "this row's label is " + got_en + ", expected '" + r.label +
                         "': the Input sheet's layout differs from the Sistem Input workbook for KSP KUK I and II "
                         "(2021), so its figures cannot be read by position");
    }
    if (wrong > kMaxLabelProblems) {
      problems_->Add(sheet_name_, "label_berbeda", std::to_string(wrong - kMaxLabelProblems) + " label lain juga berbeda",
                     std::to_string(wrong - kMaxLabelProblems) + " more labels differ too");
    }
  }

  // The identity the workbook itself lacks, from labelled cells in the first rows of Input.
  void ReadIdentity(const SheetIndex& cells) {
    builder_.Set("metode", LaporanBuilder::Kind::kText, kSistemInputMetode, Place{});
    builder_.Set("koperasi.jenis", LaporanBuilder::Kind::kText, "KSP", Place{});  // the workbook is for KSP
    bool named = false, dated = false;
    for (const XlsxCell& label : cells.sheet()->cells) {
      if (label.row > kSistemInputHeaderRows) break;
      if (label.type != XlsxCell::Type::kString) continue;
      const std::string l = Normalised(label.text);
      const char* key = nullptr;
      if (l.rfind("nama koperasi", 0) == 0) {
        key = "koperasi.nama";
      } else if (l.rfind("periode", 0) == 0 || l.rfind("tanggal", 0) == 0) {
        key = "periode.akhir";
      } else if (l == "kuk" || l.rfind("kuk ", 0) == 0 || l.rfind("klasifikasi usaha", 0) == 0) {
        key = "koperasi.kuk";
      } else if (l.rfind("jumlah anggota", 0) == 0) {
        key = "kegiatan.anggota";
      } else {
        continue;
      }
      const XlsxCell* value = ValueRightOf(cells, label);
      if (value == nullptr) continue;
      std::string text(TrimCell(value->text));
      if (value->type == XlsxCell::Type::kString && !text.empty() && text[0] == ':') text = std::string(TrimCell(text.substr(1)));
      if (text.empty()) continue;
      if (std::string_view(key) == "koperasi.kuk") text = KukDigit(text);
      const LaporanBuilder::Kind kind =
          value->type == XlsxCell::Type::kNumber ? LaporanBuilder::Kind::kNumber : LaporanBuilder::Kind::kText;
      builder_.Set(key, kind, text, At(value->row, value->col));
      named = named || std::string_view(key) == "koperasi.nama";
      dated = dated || std::string_view(key) == "periode.akhir";
    }
    if (!named) {
      // The file name stands in: the workbook has no name cell of its own.
      std::string stem = file_name_.substr(file_name_.find_last_of("/\\") + 1);
      if (const size_t dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
      builder_.Set("koperasi.nama", LaporanBuilder::Kind::kText, stem.empty() ? "?" : stem, Place{});
    }
    if (!dated) {
      problems_->Add(sheet_name_ + "!A1:F" + std::to_string(kSistemInputHeaderRows) + " (periode.akhir)", "wajib_ada",
                     "lembar kerja ini tidak menyebut akhir periode; tulis 'Periode' dan tanggalnya (31/12/2021) pada "
                     "satu baris di baris 1–" + std::to_string(kSistemInputHeaderRows) + " lembar Input",
                     "this workbook does not state the period end; write 'Periode' and the date (31/12/2021) on one "
                     "row within rows 1–" + std::to_string(kSistemInputHeaderRows) + " of the Input sheet");
      builder_.Set("periode.akhir", LaporanBuilder::Kind::kText, "2000-01-01", Place{});  // reported above
    }
  }

  // The workbooks name their classes in Roman numerals ("KUK I dan II"): "II" or "KUK II" → "2"; other text as
  // it is, for the builder to accept or refuse.
  static std::string KukDigit(const std::string& text) {
    std::string n = Normalised(text);
    if (n.rfind("kuk ", 0) == 0) n = n.substr(4);
    const char* const kRoman[] = {"i", "ii", "iii", "iv"};
    for (int i = 0; i < 4; ++i) {
      if (n == kRoman[i]) return std::to_string(i + 1);
    }
    return n.empty() ? text : n;
  }

  static const XlsxCell* ValueRightOf(const SheetIndex& cells, const XlsxCell& label) {
    for (uint32_t col = label.col + 1; col <= label.col + 4; ++col) {
      const XlsxCell* c = cells.At(label.row, col);
      if (c == nullptr) continue;
      const std::string_view t = TrimCell(c->text);
      if (t.empty() || t == ":") continue;
      return c;
    }
    return nullptr;
  }

  // One amount cell into *sen. False when empty; a refused cell is reported here, naming it, and sets *refused.
  bool ReadAmountCell(const SheetIndex& cells, uint32_t row, uint32_t col, const std::string& key,
                      bool may_be_negative, Sen* sen, bool* refused) {
    if (cells.Uncached(row, col)) {
      problems_->Add(Where(row, col, key), "rumus_tanpa_nilai",
                     "sel berisi rumus tanpa nilai tersimpan; buka berkas di Excel atau LibreOffice dan simpan ulang "
                     "agar nilainya dihitung",
                     "the cell holds a formula without a stored value; open the file in Excel or LibreOffice and save "
                     "it again so that its value is calculated");
      *refused = true;
      return false;
    }
    const XlsxCell* c = cells.At(row, col);
    if (c == nullptr || (c->type == XlsxCell::Type::kString && TrimCell(c->text).empty())) return false;
    if (c->type == XlsxCell::Type::kError) {
      problems_->Add(Where(row, col, key), "sel_galat", "sel berisi galat " + c->text + "; perbaiki rumusnya",
                     "the cell holds the error " + c->text + "; fix its formula");
      *refused = true;
      return false;
    }
    AmountError error = AmountError::kNotANumber;
    bool rounded = false;
    if (c->type == XlsxCell::Type::kNumber) {
      error = WorkbookNumberSen(c->text, sen, &rounded);
    } else if (c->type == XlsxCell::Type::kString) {
      error = ParseAmountTextSen(TrimCell(c->text), sen);
    }
    if (error != AmountError::kNone) {
      AddAmountProblem(problems_, Where(row, col, key), error,
                       c->type == XlsxCell::Type::kBoolean ? std::string_view("TRUE/FALSE") : std::string_view(c->text),
                       /*people_forms=*/true);
      *refused = true;
      return false;
    }
    if (*sen < 0 && !may_be_negative) {
      problems_->Add(Where(row, col, key), "negatif", "tidak boleh negatif", "must not be negative");
      *refused = true;
      return false;
    }
    if (rounded && cache_ != nullptr) {
      if (cache_->rounded_cell_refs.size() < kMaxRoundedCellsListed) cache_->rounded_cell_refs.push_back(At(row, col).Text());
      ++cache_->rounded_cells;
    }
    return true;
  }

  LineSum* Sum(std::vector<LineSum>* sums, const std::string& key, uint32_t row, uint32_t col) {
    for (LineSum& s : *sums) {
      if (s.key == key) return &s;
    }
    sums->push_back(LineSum{key, At(row, col), 0, false, false});
    return &sums->back();
  }

  void ReadAmounts(const SheetIndex& cells) {
    std::vector<LineSum> sums;  // in row order of their first row; ~50 lines, a linear search is enough
    sums.reserve(2 * std::size(kRows));
    for (const InputRow& r : kRows) {
      const bool other_asset = r.row >= kFirstOtherAssetRow && r.row <= kLastOtherAssetRow;
      const std::string label = Normalised(CellText(cells.At(r.row, kColLabel)));
      const bool amortisation = other_asset && label.find("amortisasi") != std::string::npos;
      const int sign = amortisation ? -1 : r.sign;
      for (const uint32_t col : {kColCurrent, kColPrevious}) {
        const bool previous = col == kColPrevious;
        const std::string prefix = previous ? "periode_lalu." : "";
        const std::string key = prefix + r.whole;
        const bool may_be_negative = kLines[size_t(FindLine(r.whole))].may_be_negative;
        // `sums` is reserved for every key there can be: the pointers stay valid.
        LineSum* whole = Sum(&sums, key, r.row, col);
        LineSum* part = r.part != nullptr ? Sum(&sums, prefix + r.part, r.row, col) : nullptr;
        Sen sen = 0;
        bool refused = false;
        const bool filled = ReadAmountCell(cells, r.row, col, key, may_be_negative, &sen, &refused);
        for (LineSum* s : {whole, part}) {
          if (s == nullptr) continue;
          s->refused = s->refused || refused;
          if (!filled) continue;
          s->any = true;
          s->sum_sen += i128(sign) * sen;
        }
        if (filled && amortisation && !previous && cache_ != nullptr) cache_->amortisasi_sen += sen;
      }
    }
    for (const LineSum& s : sums) {
      if (!s.any && !s.refused) {
        builder_.Set(s.key, LaporanBuilder::Kind::kEmpty, {}, s.place);
        continue;
      }
      if (s.sum_sen > kMaxAbsAmountSen || s.sum_sen < -kMaxAbsAmountSen) {
        AddAmountProblem(problems_, s.place.Text() + " (" + s.key + ")", AmountError::kTooLarge, {}, true);
        continue;
      }
      // A line with a refused cell still gets the rest (0 when none), so that "required" is not said as well; the
      // laporan is refused by the cell's problem.
      builder_.Set(s.key, LaporanBuilder::Kind::kNumber, FormatSenPlain(Sen(s.sum_sen)), s.place);
    }
  }

  std::vector<ChecklistAnswers> ReadChecklists(const SheetIndex& cells) {
    std::vector<ChecklistAnswers> lists;
    std::vector<std::pair<uint32_t, std::string>> blanks;  // row, key
    bool any = false;
    for (const ChecklistRows& c : kChecklists) {
      const size_t n = size_t(c.last - c.first + 1);
      ChecklistAnswers answers{"kkpkk", c.list, std::vector<bool>(n, false), n};
      for (uint32_t row = c.first; row <= c.last; ++row) {
        const std::string key = std::string("daftar_periksa.kkpkk.") + c.list + "[" + std::to_string(row - c.first + 1) + "]";
        const std::string v = Normalised(CellText(cells.At(row, kColCurrent)));
        if (v.empty()) {
          blanks.emplace_back(row, key);
          continue;
        }
        any = true;
        if (v == "terpenuhi" || v == "ya") {
          answers.answers[row - c.first] = true;
        } else if (v != "tidak terpenuhi" && v != "tidak") {
          const std::string shown = CellText(cells.At(row, kColCurrent)).substr(0, 40);
          problems_->Add(Where(row, kColCurrent, key), "jawaban_tidak_sah",
                         "'" + shown + "' bukan jawaban; pilih Terpenuhi atau Tidak Terpenuhi",
                         "'" + shown + "' is not an answer; choose Terpenuhi (met) or Tidak Terpenuhi (not met)");
        }
      }
      lists.push_back(std::move(answers));
    }
    // None answered: the workbook was sent without its checklists, and the engine names the missing block.
    if (!any) return {};
    for (const auto& [row, key] : blanks) {
      problems_->Add(Where(row, kColCurrent, key), "belum_dijawab",
                     "butir ini belum dijawab; pilih Terpenuhi atau Tidak Terpenuhi (lembar kerja menghitung sel kosong "
                     "sebagai tidak terpenuhi, penilaian ini tidak menebak)",
                     "this item has no answer; choose Terpenuhi (met) or Tidak Terpenuhi (not met) (the workbook counts "
                     "an empty cell as not met; this assessment does not guess)");
    }
    return lists;
  }

  // The checks across lines name a section ("neraca", "pinjaman"): point them at the Input rows they sum.
  void PointWholeDocumentProblems(size_t before) {
    std::vector<Problem>& items = problems_->mutable_items();
    for (size_t i = std::min(before, items.size()); i < items.size(); ++i) {
      std::string& path = items[i].path;
      if (path == "neraca") path = sheet_name_ + "!D175:D244 (neraca)";
      if (path == "pinjaman") path = sheet_name_ + "!D285:D287 (pinjaman)";
    }
  }

  void ReadCache() {
    std::map<std::string, SheetIndex> sheets;  // the result sheets, indexed once each
    auto sheet = [&](const char* name) -> const SheetIndex& {
      auto it = sheets.find(name);
      if (it == sheets.end()) it = sheets.emplace(name, SheetIndex(workbook_.FindSheet(name))).first;
      return it->second;
    };
    for (const ResultCell& r : kNilaiCells) {
      CachedNilai n{r.component, std::string(r.sheet) + "!D" + std::to_string(r.row), false, 0};
      const XlsxCell* c = sheet(r.sheet).At(r.row, kColCurrent);
      Decimal d;
      i128 v = 0;
      if (c != nullptr && c->type == XlsxCell::Type::kNumber && ParseDecimal(c->text, &d) == DecimalError::kNone &&
          Rescale(d, 0, &v) && v >= 1 && v <= 4) {
        n.present = true;
        n.nilai = int(v);
      }
      cache_->nilai.push_back(std::move(n));
    }
    for (const PersenCell& p : kPersenCells) {
      CachedPersen c{p.id, std::string(p.sheet) + "!" + p.ref, false, {}};
      uint32_t row = 0, col = 0;
      const XlsxCell* cell = ParseCellRef(p.ref, &row, &col) ? sheet(p.sheet).At(row, col) : nullptr;
      if (cell != nullptr && cell->type == XlsxCell::Type::kNumber) {
        c.present = ParseDecimal(cell->text, &c.pct) == DecimalError::kNone && SignificantScale(c.pct) <= 20;
      }
      cache_->persen.push_back(std::move(c));
    }
    const XlsxCell* predikat = sheet("OP").At(46, 7);  // OP!G46
    if (predikat != nullptr && predikat->type == XlsxCell::Type::kString) {
      cache_->predikat = std::string(TrimCell(predikat->text)).substr(0, 60);
    }
  }

  const XlsxWorkbook& workbook_;
  const std::string& file_name_;
  Laporan* out_;
  SistemInputCache* cache_;
  Problems* problems_;
  LaporanBuilder builder_;
  std::string sheet_name_;  // outlives the builder's places
};

}  // namespace

bool IsSistemInputWorkbook(const XlsxWorkbook& workbook) {
  int found = 0;
  for (const char* name : kSheetNames) found += workbook.FindSheet(name) != nullptr ? 1 : 0;
  return found >= kMinSheetsRecognised;
}

bool ReadSistemInput(const XlsxWorkbook& workbook, const std::string& file_name, Laporan* out, SistemInputCache* cache,
                     Problems* problems) {
  if (cache != nullptr) *cache = SistemInputCache{};
  Reader reader(workbook, file_name, out, cache, problems);
  return reader.Read();
}

std::vector<std::pair<uint32_t, std::string>> SistemInputRowLabels() {
  std::vector<std::pair<uint32_t, std::string>> labels;
  for (const InputRow& r : kRows) labels.emplace_back(r.row, r.label);
  return labels;
}

bool ReadSistemInputCache(std::string_view bytes, const std::string& file_name, SistemInputCache* cache) {
  XlsxWorkbook workbook;
  Problems ignored;
  if (!ReadXlsx(bytes, file_name, XlsxLimits{}, &workbook, &ignored) || !IsSistemInputWorkbook(workbook)) return false;
  Laporan laporan;
  ReadSistemInput(workbook, file_name, &laporan, cache, &ignored);
  return true;
}

}  // namespace kopsehat
