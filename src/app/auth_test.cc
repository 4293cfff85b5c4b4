// Tests of the login throttle's reservations and of the limit on password checks at once.
#include "app/auth.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace kopsehat::app {
namespace {

TEST(LoginThrottle, ReserveCountsEveryKeyOrNone) {
  LoginThrottle t;
  const std::vector<std::pair<std::string, int>> keys = {{"a", 2}, {"b", 3}};
  EXPECT_TRUE(t.Reserve(keys, 100));
  EXPECT_TRUE(t.Reserve(keys, 100));
  // "a" is at its limit: nothing is counted, so "b" stays at 2 of 3.
  EXPECT_FALSE(t.Reserve(keys, 100));
  EXPECT_FALSE(t.Blocked("b", 100, 3));
  EXPECT_TRUE(t.Reserve({{"b", 3}}, 100));
  EXPECT_TRUE(t.Blocked("b", 100, 3));
  // A released reservation is given back; the window's end forgets the rest.
  t.Release("a");
  EXPECT_TRUE(t.Reserve({{"a", 2}}, 100));
  EXPECT_FALSE(t.Reserve({{"a", 2}}, 100));
  EXPECT_TRUE(t.Reserve({{"a", 2}}, 100 + LoginThrottle::kWindowS));
  t.Release("nothing-reserved");  // harmless
}

TEST(LoginThrottle, ConcurrentReservationsNeverExceedTheLimit) {
  LoginThrottle t;
  std::atomic<int> granted{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 64; ++i) {
    threads.emplace_back([&] {
      if (t.Reserve({{"u:admin", LoginThrottle::kMaxFailures}}, 5)) ++granted;
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(granted.load(), LoginThrottle::kMaxFailures);
}

TEST(ConcurrencyLimit, AtMostTheLimitHoldAPlace) {
  ConcurrencyLimit limit(2);
  EXPECT_TRUE(limit.Enter(std::chrono::milliseconds(0)));
  EXPECT_TRUE(limit.Enter(std::chrono::milliseconds(0)));
  EXPECT_FALSE(limit.Enter(std::chrono::milliseconds(20)));  // waits, then gives up
  limit.Leave();
  EXPECT_TRUE(limit.Enter(std::chrono::milliseconds(0)));
  // A waiter gets the place another leaves.
  std::thread leaver([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    limit.Leave();
  });
  EXPECT_TRUE(limit.Enter(std::chrono::seconds(10)));
  leaver.join();
  ConcurrencyLimit zero(0);  // a limit below one still lets one through
  EXPECT_TRUE(zero.Enter(std::chrono::milliseconds(0)));
  EXPECT_FALSE(zero.Enter(std::chrono::milliseconds(0)));
}

TEST(ConcurrencyLimit, ManyThreadsNeverExceedIt) {
  ConcurrencyLimit limit(3);
  std::atomic<int> inside{0}, peak{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 24; ++i) {
    threads.emplace_back([&] {
      ASSERT_TRUE(limit.Enter(std::chrono::seconds(30)));
      const int now = ++inside;
      for (int p = peak.load(); now > p && !peak.compare_exchange_weak(p, now);) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      --inside;
      limit.Leave();
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_LE(peak.load(), 3);
  EXPECT_GE(peak.load(), 1);
}

}  // namespace
}  // namespace kopsehat::app
