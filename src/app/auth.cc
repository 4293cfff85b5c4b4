// app/auth.cc — see auth.h.
#include "app/auth.h"

#include <sodium.h>

#include <vector>

namespace kopsehat::app {

bool InitCrypto() { return sodium_init() >= 0; }

std::string HashPassword(std::string_view password, PasswordCost cost) {
  if (!InitCrypto()) return "";
  char out[crypto_pwhash_STRBYTES];
  const bool test = cost == PasswordCost::kTest;
  const unsigned long long ops = test ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const size_t mem = test ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  // crypto_pwhash_str uses Argon2id (ALG_DEFAULT since libsodium 1.0.15); ask for it by name anyway.
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return "";
  }
  return out;
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (!InitCrypto() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string terminated(hash);  // the C API wants a NUL-terminated string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

namespace {
std::string Hex(const unsigned char* bytes, size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}
}  // namespace

std::string RandomToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return Hex(digest, sizeof digest);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool LoginThrottle::Blocked(const std::string& key, int64_t now, int max_failures) {
  std::lock_guard lock(mu_);
  return BlockedLocked(key, now, max_failures);
}

bool LoginThrottle::Reserve(const std::vector<std::pair<std::string, int>>& keys, int64_t now) {
  std::lock_guard lock(mu_);
  for (const auto& [key, limit] : keys) {
    if (BlockedLocked(key, now, limit)) return false;
  }
  for (const auto& [key, limit] : keys) FailedLocked(key, now);
  return true;
}

void LoginThrottle::Release(const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return;
  if (--it->second.failures <= 0) entries_.erase(it);
}

bool LoginThrottle::BlockedLocked(const std::string& key, int64_t now, int max_failures) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return false;
  if (now - it->second.first_failure >= kWindowS) {
    entries_.erase(it);
    return false;
  }
  return it->second.failures >= max_failures;
}

void LoginThrottle::Failed(const std::string& key, int64_t now) {
  std::lock_guard lock(mu_);
  FailedLocked(key, now);
}

void LoginThrottle::FailedLocked(const std::string& key, int64_t now) {
  if (entries_.size() >= kMaxKeys && entries_.find(key) == entries_.end()) {
    // Forget the entries whose window has passed; if none has, the oldest first failure goes.
    std::erase_if(entries_, [now](const auto& kv) { return now - kv.second.first_failure >= kWindowS; });
    if (entries_.size() >= kMaxKeys) {
      auto oldest = entries_.begin();
      for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->second.first_failure < oldest->second.first_failure) oldest = it;
      }
      entries_.erase(oldest);
    }
  }
  Entry& e = entries_[key];
  if (e.failures == 0 || now - e.first_failure >= kWindowS) e = {now, 0};
  ++e.failures;
}

void LoginThrottle::Succeeded(const std::string& key) {
  std::lock_guard lock(mu_);
  entries_.erase(key);
}

bool ConcurrencyLimit::Enter(std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  if (!freed_.wait_for(lock, wait, [this] { return free_ > 0; })) return false;
  --free_;
  return true;
}

void ConcurrencyLimit::Leave() {
  {
    std::lock_guard lock(mu_);
    ++free_;
  }
  freed_.notify_one();
}

}  // namespace kopsehat::app
