#pragma once
// The registry as Python holds it (_core.Registry). Its methods release the GIL while C++ works, so several
// Python threads can be inside one registry at once: reads run together, and a change waits for them and
// keeps them out (a readers-writer lock). The lock is taken only after the GIL is released and given back
// before the GIL is retaken, so no thread ever holds one while waiting for the other.
//
// Bindings of other areas that take a registry take `const SharedRegistry&` and do their work inside read().

#include <coopecon/registry/registry.hpp>

#include <pybind11/pybind11.h>

#include <mutex>
#include <shared_mutex>
#include <utility>

namespace coopecon::python {

class SharedRegistry {
public:
    explicit SharedRegistry(Registry registry) : registry_(std::move(registry)) {}

    /// f(const Registry&) without the GIL, alongside other reads. Its result must hold no Python object.
    template <class F>
    decltype(auto) read(F&& f) const {
        pybind11::gil_scoped_release release;
        std::shared_lock lock(mutex_);
        return std::forward<F>(f)(registry_);
    }

    /// f(const Registry&) alongside other reads, on a thread that does not hold the GIL (one a binding started,
    /// while the calling thread keeps the GIL free of the lock).
    template <class F>
    decltype(auto) read_off_gil(F&& f) const {
        std::shared_lock lock(mutex_);
        return std::forward<F>(f)(registry_);
    }

    /// f(Registry&) without the GIL, alone.
    template <class F>
    decltype(auto) write(F&& f) {
        pybind11::gil_scoped_release release;
        std::unique_lock lock(mutex_);
        return std::forward<F>(f)(registry_);
    }

private:
    Registry registry_;
    mutable std::shared_mutex mutex_;
};

}  // namespace coopecon::python
