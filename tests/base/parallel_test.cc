#include "base/parallel.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
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

TEST_CASE("WorkQueue uses every item once, on its workers, holding no more than its capacity") {
  for (size_t threads : {1, 2, 8}) {
    std::atomic<size_t> waiting{0};
    std::atomic<size_t> most_waiting{0};
    std::mutex mutex;
    std::vector<int> used;
    std::set<std::thread::id> workers;
    {
      WorkQueue<int> queue(
          [&](int& item) {
            std::this_thread::sleep_for(std::chrono::microseconds(item % 5 * 40));
            --waiting;
            std::lock_guard lock(mutex);
            used.push_back(item);
            workers.insert(std::this_thread::get_id());
          },
          4, threads);
      for (int item = 0; item < 300; ++item) {
        const size_t now = ++waiting;
        most_waiting = std::max(most_waiting.load(), now);
        queue.Push(item);
      }
      queue.Finish();
      CHECK(used.size() == 300);  // all used once Finish returns
    }
    std::sort(used.begin(), used.end());
    for (int item = 0; item < 300; ++item) CHECK(used[static_cast<size_t>(item)] == item);
    CHECK(workers.count(std::this_thread::get_id()) == 0);
    CHECK(workers.size() <= threads);
    // Waiting in the queue (4) plus one being used by each worker, plus the one being pushed.
    CHECK(most_waiting <= 4 + threads + 1);
  }
}

TEST_CASE("WorkQueue finishes cleanly with nothing pushed, and Finish may be called twice") {
  int used = 0;
  WorkQueue<int> queue([&](int&) { ++used; }, 8, 2);
  queue.Finish();
  queue.Finish();
  CHECK(used == 0);
}

}  // namespace outcomes::base
