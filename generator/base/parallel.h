// Work done in parallel and used in order: for outputs made of many independent pieces (an
// indicator's table, an indicator's part of model.json) that must be written one after another.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace outcomes::base {

// Calls make(0) … make(count - 1) on `threads` worker threads (0: one per core) and use(index,
// piece) for each piece in index order on the calling thread, while the workers make the next
// ones. At most `window` pieces (0: `threads` + 1) are held at once, so memory follows the
// largest pieces, not the whole. When `use` returns false, no further piece is used, the workers stop after
// the pieces under way, and InOrder returns false. `make` must be safe to call from several
// threads at once.
template <typename Piece>
bool InOrder(size_t count, const std::function<Piece(size_t)>& make,
             const std::function<bool(size_t, Piece&)>& use, size_t threads = 0,
             size_t window = 0) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, std::max<size_t>(count, 1));
  if (window == 0) window = threads + 1;
  std::vector<std::optional<Piece>> slots(window);  // piece i waits in slots[i % window]
  std::mutex mutex;
  std::condition_variable changed;
  size_t next = 0;      // the next piece a worker takes
  size_t used = 0;      // pieces used so far
  bool stop = false;
  auto work = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      changed.wait(lock, [&] { return stop || next >= count || next < used + window; });
      if (stop || next >= count) return;
      const size_t idx = next++;
      lock.unlock();
      Piece piece = make(idx);
      lock.lock();
      slots[idx % window].emplace(std::move(piece));
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (size_t idx = 0; idx < threads; ++idx) workers.emplace_back(work);
  bool ok = true;
  for (size_t idx = 0; idx < count && ok; ++idx) {
    std::optional<Piece> piece;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots[idx % window].has_value(); });
      piece = std::move(slots[idx % window]);
      slots[idx % window].reset();
    }
    ok = use(idx, *piece);
    piece.reset();  // freed before the next piece may be made
    {
      std::lock_guard lock(mutex);
      ++used;
      if (!ok) stop = true;
    }
    changed.notify_all();
  }
  for (auto& worker : workers) worker.join();
  return ok;
}

}  // namespace outcomes::base
