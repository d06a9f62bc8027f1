#pragma once
// One background thread running jobs in order. At destruction it either runs what is still
// queued (Drain: a finished patient's summary must reach the outbox) or drops it (Drop: the
// outbox keeps what was not delivered, and the next start delivers it).

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace rk::app {

class JobWorker {
 public:
  enum class AtExit { Drain, Drop };
  explicit JobWorker(AtExit at_exit) : at_exit_(at_exit), thread_([this] { loop(); }) {}
  ~JobWorker() { stop(); }
  JobWorker(const JobWorker&) = delete;
  JobWorker& operator=(const JobWorker&) = delete;

  void post(std::function<void()> job) {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    changed_.notify_one();
  }
  /// Ends the thread after the job in progress (and, for Drain, the queued ones). Idempotent.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      if (at_exit_ == AtExit::Drop) jobs_.clear();
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  AtExit at_exit_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;  ///< last: starts after everything above is ready
};

}  // namespace rk::app
