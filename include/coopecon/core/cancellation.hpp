#pragma once
// Stopping a long computation from outside it: a token that another thread, a signal handler (Ctrl-C) or a
// Python caller sets, and that the computation reads at the boundaries of its parts and blocks (a few
// milliseconds apart). A cancelled computation throws Cancelled and returns nothing partial; what it was given
// is left as it was.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>

#include <atomic>

namespace coopecon {

/// Set from any thread, or from a signal handler (one lock-free atomic store), to stop the computations that
/// were given the token. It stays set.
class CancellationToken {
public:
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    bool cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> cancelled_{false};
    static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler may set the token");
};

/// Thrown by a computation whose cancellation token was set, after every thread it started has stopped.
class COOPECON_EXPORT Cancelled : public Error {
public:
    Cancelled() : Error(ErrorCode::usage, "cancelled") {}
};

/// Throws Cancelled when `token` (nullptr: none) is set: called at the boundaries of parts and blocks.
inline void throw_if_cancelled(const CancellationToken* token) {
    if (token && token->cancelled()) throw Cancelled();
}

}  // namespace coopecon
