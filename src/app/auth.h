// app/auth.h — secrets and their checks: Argon2id password hashes (libsodium crypto_pwhash_str), random tokens,
// SHA-256, constant-time comparison, and the login throttle. Depends on libsodium.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kopsehat::app {

// Argon2id cost. kInteractive is libsodium's recommendation for interactive logins (64 MiB, 2 passes); kTest is the
// minimum, for test fixtures only (a hash records its own cost, so verification follows whatever made it).
enum class PasswordCost { kInteractive, kTest };

inline constexpr size_t kMinPasswordChars = 8;
inline constexpr size_t kMaxPasswordBytes = 256;

// Initialises libsodium once (thread-safe); false when it cannot (no entropy source): the server must not start.
bool InitCrypto();

// An Argon2id hash string ("$argon2id$v=19$m=...") or "" when hashing failed (out of memory).
std::string HashPassword(std::string_view password, PasswordCost cost);
bool VerifyPassword(std::string_view hash, std::string_view password);

// 32 random bytes as 64 hex characters (session and CSRF tokens).
std::string RandomToken();
std::string Sha256Hex(std::string_view bytes);
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Failed logins per key within kWindowS; a key at its limit is refused until the window has passed since its first
// failure. The App keys it three ways (docs/operasi.md):
//   - a user name from one client address: kMaxFailures (5) — the guesser at one account;
//   - a user name from any address: kMaxUserFailures (50) — a guesser spread over many addresses. One address
//     adds at most 5 to it, so nobody can lock the administrator out from one address (it takes ten);
//   - a client address over every name: kMaxClientFailures (100) — an address trying many names. Higher, because
//     behind a proxy or a shared office NAT many people share one address.
// An attempt is reserved (counted as failed) before its password is checked and given back when it succeeds, so
// concurrent attempts cannot outrun the limit: 40 simultaneous wrong passwords cost at most 5 checks. In memory: a
// restart forgets, which only helps a guesser by one window per restart. Bounded: at most kMaxKeys keys, the
// oldest forgotten first.
class LoginThrottle {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int kMaxUserFailures = 50;
  static constexpr int kMaxClientFailures = 100;
  static constexpr int64_t kWindowS = 15 * 60;
  static constexpr size_t kMaxKeys = 100000;

  bool Blocked(const std::string& key, int64_t now, int max_failures = kMaxFailures);
  // Every key below its limit: counts one attempt against each and returns true; else counts nothing and returns
  // false. Atomic over the keys.
  bool Reserve(const std::vector<std::pair<std::string, int>>& keys, int64_t now);
  // Gives back one reserved attempt of `key` (it succeeded, or was never checked).
  void Release(const std::string& key);
  void Failed(const std::string& key, int64_t now);
  void Succeeded(const std::string& key);

 private:
  struct Entry {
    int64_t first_failure = 0;
    int failures = 0;
  };
  bool BlockedLocked(const std::string& key, int64_t now, int max_failures);
  void FailedLocked(const std::string& key, int64_t now);

  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

// At most `limit` holders at once (the Argon2id checks before login: each takes 64 MiB and a core for ~150 ms, so
// more at once than there are cores only adds memory and waiting). Enter waits up to `wait` for a place.
class ConcurrencyLimit {
 public:
  explicit ConcurrencyLimit(int limit) : free_(limit > 0 ? limit : 1) {}
  bool Enter(std::chrono::milliseconds wait);
  void Leave();

 private:
  std::mutex mu_;
  std::condition_variable freed_;
  int free_;
};

}  // namespace kopsehat::app
