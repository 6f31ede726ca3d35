#include "base/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>
#include <string>

namespace outcomes::base {

TEST_CASE("InOrder uses every piece once, in order, whatever order they are made in") {
  for (size_t threads : {1, 2, 3, 8}) {
    std::atomic<size_t> alive{0};
    size_t most_alive = 0;
    std::vector<size_t> seen;
    bool ok = InOrder<std::string>(
        200,
        [&](size_t idx) {
          // Later pieces are quicker to make, so they are ready before earlier ones.
          std::this_thread::sleep_for(std::chrono::microseconds((200 - idx) % 7 * 50));
          ++alive;
          return std::to_string(idx);
        },
        [&](size_t idx, std::string& piece) {
          most_alive = std::max<size_t>(most_alive, alive.load());
          CHECK(piece == std::to_string(idx));
          seen.push_back(idx);
          --alive;
          return true;
        },
        threads);
    CHECK(ok);
    REQUIRE(seen.size() == 200);
    for (size_t idx = 0; idx < seen.size(); ++idx) CHECK(seen[idx] == idx);
    CHECK(most_alive <= threads + 1);  // pieces held at once: bounded, not the whole
  }
}

TEST_CASE("InOrder stops when a piece is refused, and copes with no pieces") {
  std::atomic<size_t> made{0};
  size_t used = 0;
  bool ok = InOrder<int>(
      1000, [&](size_t idx) { ++made; return static_cast<int>(idx); },
      [&](size_t idx, int&) { ++used; return idx < 9; }, 2);
  CHECK_FALSE(ok);
  CHECK(used == 10);
  CHECK(made.load() <= 13);  // the workers stopped soon after
  CHECK(InOrder<int>(0, [](size_t) { return 0; }, [](size_t, int&) { return false; }));
}

}  // namespace outcomes::base
