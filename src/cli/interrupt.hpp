#pragma once
// Ctrl-C during a long computation (simulate, report, check): the first SIGINT cancels the computation's token,
// which stops at its next part or block, and the command says so and writes nothing; a second SIGINT ends the
// process as usual.

#include <coopecon/core/cancellation.hpp>

#include <signal.h>

#include <ostream>
#include <string_view>

namespace coopecon::cli {

namespace exit_code {
inline constexpr int interrupted = 130;  // 128 + SIGINT, as a shell reports a process Ctrl-C ended
}  // namespace exit_code

/// While it lives, SIGINT cancels `token` instead of ending the process.
class InterruptGuard {
public:
    explicit InterruptGuard(CancellationToken& token);
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    ~InterruptGuard();

private:
    struct sigaction previous_ {};
};

/// Says on `err` that `command` was interrupted and nothing was written; returns exit_code::interrupted.
int interrupted(std::ostream& err, std::string_view command);

}  // namespace coopecon::cli
