// app/auth.h — secrets and their checks: Argon2id password hashes (libsodium crypto_pwhash_str), random tokens,
// SHA-256, constant-time comparison, and the login throttle. Depends on libsodium.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

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

// Failed logins per key (a user name, a client address): after `max_failures` within kWindowS the key is refused
// until the window has passed since its first failure. A user name gets kMaxFailures; a client address many more
// (kMaxClientFailures), because behind a proxy or a shared office NAT many people share one address, and a low
// limit there would let anyone lock everybody out. In memory: a restart forgets, which only helps a guesser
// by one window per restart. Bounded: at most kMaxKeys keys, the oldest forgotten first.
class LoginThrottle {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int kMaxClientFailures = 100;
  static constexpr int64_t kWindowS = 15 * 60;
  static constexpr size_t kMaxKeys = 100000;

  bool Blocked(const std::string& key, int64_t now, int max_failures = kMaxFailures);
  void Failed(const std::string& key, int64_t now);
  void Succeeded(const std::string& key);

 private:
  struct Entry {
    int64_t first_failure = 0;
    int failures = 0;
  };
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

}  // namespace kopsehat::app
