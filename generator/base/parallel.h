// Work done in parallel and used in order: for outputs made of many independent pieces (an
// indicator's table, an indicator's part of model.json) that must be written one after another.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
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

// Items made one after another by a producer (the thread that calls Push) and used by worker
// threads as they come, in no particular order: for outputs whose pieces are found while
// walking something that cannot itself be split (a site's pages, as the site is laid out).
// `use` runs on `threads` workers (0: one per core) and must be safe to call from several
// threads at once. At most `capacity` items wait, so memory follows the items under way, not
// all of them: Push blocks while the queue is full.
template <typename Item>
class WorkQueue {
 public:
  WorkQueue(std::function<void(Item&)> use, size_t capacity, size_t threads = 0)
      : use_(std::move(use)), capacity_(std::max<size_t>(capacity, 1)) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    for (size_t idx = 0; idx < threads; ++idx) workers_.emplace_back([this] { Work(); });
  }
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;
  ~WorkQueue() { Finish(); }

  void Push(Item item) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return waiting_.size() < capacity_; });
    waiting_.push_back(std::move(item));
    changed_.notify_all();
  }

  // Waits until every item pushed has been used, then ends the workers. No Push after it.
  void Finish() {
    {
      std::lock_guard lock(mutex_);
      if (finished_) return;
      finished_ = true;
    }
    changed_.notify_all();
    for (auto& worker : workers_) worker.join();
  }

 private:
  void Work() {
    std::unique_lock lock(mutex_);
    while (true) {
      changed_.wait(lock, [&] { return finished_ || !waiting_.empty(); });
      if (waiting_.empty()) return;  // finished, and nothing left
      Item item = std::move(waiting_.front());
      waiting_.pop_front();
      changed_.notify_all();  // room for the producer
      lock.unlock();
      use_(item);
      lock.lock();
    }
  }

  std::function<void(Item&)> use_;
  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Item> waiting_;
  bool finished_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace outcomes::base
