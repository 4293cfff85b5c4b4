#!/usr/bin/env bash
# Installs the Debian packages Kopsehat needs to build and test, only those missing.
# Idempotent: a second run installs nothing. Uses sudo when not root.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libsimdjson-dev        # laporan JSON reader (exact number text via raw_json_token)
  nlohmann-json3-dev     # exact line/column of syntax errors in malformed JSON (error path only)
  libtomlplusplus-dev    # rulebook files
  libzip-dev libexpat1-dev   # reading XLSX laporan (zip container + streaming XML with limits)
  libxlsxwriter-dev          # writing the XLSX laporan template
  libcairo2-dev fonts-dejavu-core   # PDF reports and charts (one drawing code for PDF, PNG, SVG)
  poppler-utils              # tests read the PDFs back (pdftotext, pdftoppm)
  libglpk-dev                # the improvement plan is a mixed-integer linear program
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-dev  # libFuzzer builds (cmake -DKOPSEHAT_FUZZ=ON)
  python3 hyperfine      # benchmark driver and timing
  libsqlite3-dev         # the embedded store (WAL, online backup)
  libpq-dev postgresql   # the PostgreSQL store; tests start a throw-away server on loopback
  libsodium-dev          # Argon2id password hashes, session tokens, SHA-256 of evidence files
  libqrencode-dev        # the verification QR code printed on every page of a report
  libmicrohttpd-dev      # the web application's HTTP server: event-driven (epoll) worker pool, connection limits
  chromium chromium-driver python3-selenium   # headless browser tests of the web application
  wrk nginx-light        # load benchmark of the regional dashboard, with nginx serving the same page as reference
)
# Installed with their recommended packages: the recalculation test needs a working headless LibreOffice Calc.
PACKAGES_WITH_RECOMMENDS=(
  libreoffice-calc-nogui # tests recalculate the XLSX worksheet's live formulas
)

missing_of() {
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      printf '%s\n' "$p"
    fi
  done
}
mapfile -t missing < <(missing_of "${PACKAGES[@]}")
mapfile -t missing_full < <(missing_of "${PACKAGES_WITH_RECOMMENDS[@]}")

if [ ${#missing[@]} -eq 0 ] && [ ${#missing_full[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "deps: installing ${missing[*]} ${missing_full[*]}" >&2
$SUDO apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
if [ ${#missing_full[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing_full[@]}" >&2
fi
