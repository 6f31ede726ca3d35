// Work done in parallel and used in order: for outputs made of many independent pieces (an
// indicator's table, an indicator's part of model.json) that must be written one after another.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

namespace outcomes::base {

// Calls make(0) … make(count - 1) on up to `threads` threads (0: one per core), a batch of that
// many pieces at a time, and use(index, piece) for each piece in index order, on the calling
// thread. At most one batch of pieces is held at once, so memory follows the largest pieces,
// not the whole. Stops early, returning false, when `use` returns false. `make` must be safe
// to call from several threads at once.
template <typename Piece>
bool InOrder(size_t count, const std::function<Piece(size_t)>& make,
             const std::function<bool(size_t, Piece&)>& use, size_t threads = 0) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  for (size_t first = 0; first < count; first += threads) {
    const size_t last = std::min(count, first + threads);
    std::vector<std::optional<Piece>> pieces(last - first);
    std::vector<std::thread> workers;
    for (size_t idx = first + 1; idx < last; ++idx)
      workers.emplace_back([&, idx] { pieces[idx - first].emplace(make(idx)); });
    pieces[0].emplace(make(first));
    for (auto& worker : workers) worker.join();
    for (size_t idx = first; idx < last; ++idx)
      if (!use(idx, *pieces[idx - first])) return false;
  }
  return true;
}

}  // namespace outcomes::base
