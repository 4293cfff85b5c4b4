// core/money.h — Rupiah amounts as integer sen. Depends on core/decimal.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/decimal.h"
#include "core/fraction.h"
#include "core/problems.h"

namespace kopsehat {

// An amount of money in sen (1 Rupiah = 100 sen). Never a floating-point value.
using Sen = int64_t;

// The largest absolute amount one input line may hold: Rp 10^15 (a thousand trillion rupiah). With ~50 lines and
// rulebook coefficients bounded (rules/), no sum or product of the engine can then overflow 128 bits.
inline constexpr Sen kMaxAbsAmountSen = 100'000'000'000'000'000;  // 10^17 sen

enum class AmountError {
  kNone,
  kNotANumber,       // not [-]digits[.digits]
  kExponent,         // 1e5: refused, write the amount out
  kTooManyDecimals,  // more than 2 significant decimals (a fraction of a sen)
  kTooLarge,         // |amount| > Rp 10^15
  kAmbiguous,        // "1.250" or "1,250": a thousands group or a decimal fraction? (people's forms only)
};

// Parses a Rupiah amount in plain machine form ("1250000.50", "-5", "12.500" = 12.5) into sen, exactly.
// Trailing zeros beyond two decimals are accepted (they carry no value); other digits beyond the sen are refused.
AmountError ParseAmountSen(std::string_view text, Sen* out);

// A number cell of a spreadsheet, from its stored text ("1250000.5", "1.25E+6", "1234567.8899999999"). Spreadsheets
// keep numbers as binary doubles and store up to 17 significant digits, so a typed 1234567.89 can come back as
// 1234567.8899999999. Such text is rounded (in decimal, exactly) to 15 significant digits — the precision a double
// carries for every value — before the two-decimal rule applies. Values beyond 15 digits are refused as too large
// to be exact (over Rp 10^13 with sen, which a cell cannot hold exactly anyway).
AmountError ParseSpreadsheetNumberSen(std::string_view stored, Sen* out);

// An amount as people type it in a text cell or a CSV file: Indonesian "1.250.000,50", "Rp 1.250.000", "Rp.
// 1.250.000,-", "(1.000)" for negative, "-1.000"; plain "1250000.50"; English "1,250,000.50". A lone "1.250" or
// "1,250" is refused as ambiguous (kAmbiguous): a thousands group in Indonesian, a decimal fraction in English.
AmountError ParseAmountTextSen(std::string_view text, Sen* out);

// "1250000.50" — always two decimals, for machines.
std::string FormatSenPlain(Sen sen);

// "Rp 1.250.000,50", or "Rp 1.250.000" when the amount is whole rupiah; negative as "-Rp 1.250.000".
std::string FormatRupiah(Sen sen);

// An exact amount in sen that may carry fractions of a sen (a weighted quantity), for people: "Rp 1.250.000",
// "Rp 746.080.000,50", "Rp 0,005" (Indonesian) or "Rp 746,080,000.50" (English). Whole rupiah print without
// decimals; otherwise at least two, more only when the exact value needs them (up to 4).
std::string FormatRupiah(const Fraction& sen, Lang lang);

}  // namespace kopsehat
