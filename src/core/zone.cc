// core/zone.cc — see zone.h. Province lists from Indonesia's statutory time zones (Keputusan Presiden No. 41 Tahun
// 1987): WITA for Bali, Nusa Tenggara, South, East and North Kalimantan and Sulawesi; WIT for Maluku and Papua;
// WIB elsewhere (Sumatra, Java, West and Central Kalimantan).
#include "core/zone.h"

#include "core/date.h"

#include <array>
#include <cctype>
#include <string>

namespace kopsehat {

namespace {

constexpr TimeZone kWib{7 * 3600, "WIB"};
constexpr TimeZone kWita{8 * 3600, "WITA"};
constexpr TimeZone kWit{9 * 3600, "WIT"};

// Lower case, runs of spaces, dots and hyphens folded to one space, a leading "provinsi"/"prov" dropped.
std::string Normalise(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const bool sep = c == ' ' || c == '.' || c == '-' || c == '_' || c == '\t';
    if (sep) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (const std::string_view prefix : {"provinsi ", "prov "}) {
    if (out.rfind(prefix, 0) == 0) out.erase(0, prefix.size());
  }
  return out;
}

constexpr std::array<std::string_view, 13> kWitaProvinces = {
    "bali",         "nusa tenggara barat", "ntb",           "nusa tenggara timur", "ntt",
    "kalimantan selatan", "kalimantan timur", "kalimantan utara", "sulawesi utara", "sulawesi tengah",
    "sulawesi selatan",   "sulawesi tenggara", "sulawesi barat"};
constexpr std::array<std::string_view, 9> kWitProvinces = {
    "maluku",        "maluku utara",     "papua",         "papua barat", "papua tengah",
    "papua pegunungan", "papua selatan", "papua barat daya", "irian jaya"};

}  // namespace

TimeZone ZoneOfProvince(std::string_view provinsi) {
  const std::string p = Normalise(provinsi);
  for (const std::string_view w : kWitaProvinces) {
    if (p == w) return kWita;
  }
  if (p == "gorontalo") return kWita;
  for (const std::string_view w : kWitProvinces) {
    if (p == w) return kWit;
  }
  return kWib;
}

std::string FormatLocalDateTime(int64_t unix_s, const TimeZone& zone, Lang lang) {
  static const char* kId[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                              "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  static const char* kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                              "July",    "August",   "September", "October", "November", "December"};
  const int64_t local = unix_s + zone.offset_s;
  int64_t days = local / 86400;
  int64_t secs = local % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  const CivilDate c = CivilFromDays(days);
  const int hh = int(secs / 3600);
  const int mm = int(secs % 3600 / 60);
  const auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  const std::string date = std::to_string(c.day) + " " + (lang == Lang::kEn ? kEn : kId)[c.month - 1] + " " + std::to_string(c.year);
  if (lang == Lang::kEn) return date + ", " + two(hh) + ":" + two(mm) + " " + zone.name;
  return date + " pukul " + two(hh) + "." + two(mm) + " " + zone.name;
}

}  // namespace kopsehat
