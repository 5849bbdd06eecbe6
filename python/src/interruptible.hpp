#pragma once
// Long calls that Ctrl-C can stop. The work goes on a thread of its own, which never takes the GIL, while the
// calling thread waits with the GIL released and takes it back ten times a second, or whenever the work wakes it:
// to run the caller's poll (progress for a Python callback) and Python's signal handlers (PyErr_CheckSignals).
// When either raises — Ctrl-C raises KeyboardInterrupt — the work's cancellation token is set, the work stops at
// its next part or block and is joined, and the Python exception goes on: nothing partial is returned and no
// thread outlives the call.

#include <coopecon/core/cancellation.hpp>

#include <pybind11/pybind11.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

namespace coopecon::python {

/// What the work is given: the token it must read, and a way to wake the waiting thread before its next poll.
class Interruptible {
public:
    const CancellationToken& token() const noexcept { return token_; }

    /// Makes the waiting thread poll now (progress to report), from the work's threads.
    void wake() {
        {
            std::lock_guard lock(mutex_);
            woken_ = true;
        }
        changed_.notify_one();
    }

private:
    template <class Work, class Poll>
    friend auto run_interruptible(Work&& work, Poll&& poll);

    CancellationToken token_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool woken_ = false;
    bool finished_ = false;
};

/// work(Interruptible&) on a thread of its own; poll(CancellationToken&) with the GIL held at every wake-up (it
/// may raise, or cancel the token itself). Returns what the work returns, or throws what it threw; the work must
/// hold no Python object.
template <class Work, class Poll>
auto run_interruptible(Work&& work, Poll&& poll) {
    using Result = std::invoke_result_t<Work&, Interruptible&>;
    constexpr auto poll_every = std::chrono::milliseconds(100);
    Interruptible state;
    std::optional<Result> result;
    std::exception_ptr failure;
    std::thread worker;
    {
        pybind11::gil_scoped_release release;
        worker = std::thread([&] {
            try {
                result.emplace(work(state));
            } catch (...) {
                failure = std::current_exception();
            }
            {
                std::lock_guard lock(state.mutex_);
                state.finished_ = true;
            }
            state.changed_.notify_one();
        });
    }
    for (bool finished = false; !finished;) {
        {
            pybind11::gil_scoped_release release;
            std::unique_lock lock(state.mutex_);
            state.changed_.wait_for(lock, poll_every, [&] { return state.finished_ || state.woken_; });
            finished = state.finished_;
            state.woken_ = false;
        }
        try {
            poll(state.token_);
            if (PyErr_CheckSignals() != 0) throw pybind11::error_already_set();
        } catch (...) {
            state.token_.cancel();
            pybind11::gil_scoped_release release;
            worker.join();
            throw;
        }
    }
    {
        pybind11::gil_scoped_release release;
        worker.join();
    }
    if (failure) std::rethrow_exception(failure);
    return std::move(*result);
}

/// run_interruptible with nothing to poll but Python's signals.
template <class Work>
auto run_interruptible(Work&& work) {
    return run_interruptible(std::forward<Work>(work), [](CancellationToken&) {});
}

}  // namespace coopecon::python
