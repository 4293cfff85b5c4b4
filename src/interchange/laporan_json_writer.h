// interchange/laporan_json_writer.h — a Laporan written back as kopsehat/laporan-v1 JSON, the form json_reader.h
// reads (kopsehat convert --to json; the laporan the application stores). Depends on core/json_writer.h, laporan/.
#pragma once

#include <string>

#include "laporan/laporan.h"

namespace kopsehat {

// The laporan as kopsehat/laporan-v1 JSON (kopsehat convert --to json): keys in the order of the spec, amounts
// as exact decimal strings when they have sen, integers otherwise.
std::string LaporanToJson(const Laporan& laporan);

}  // namespace kopsehat
