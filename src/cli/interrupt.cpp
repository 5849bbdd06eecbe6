#include "interrupt.hpp"

#include <atomic>

namespace coopecon::cli {

namespace {

std::atomic<CancellationToken*> interrupt_target{nullptr};

extern "C" void on_interrupt(int) {
    // An atomic load and store only: safe in a signal handler. SA_RESETHAND makes a second Ctrl-C end the process.
    if (auto* token = interrupt_target.load()) token->cancel();
}

}  // namespace

InterruptGuard::InterruptGuard(CancellationToken& token) {
    interrupt_target.store(&token);
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, &previous_);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &previous_, nullptr);
    interrupt_target.store(nullptr);
}

int interrupted(std::ostream& err, std::string_view command) {
    err << "coopecon " << command << ": interrupted; nothing written\n";
    return exit_code::interrupted;
}

}  // namespace coopecon::cli
