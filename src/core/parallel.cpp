#include <coopecon/core/parallel.hpp>

#include <algorithm>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace coopecon {

unsigned thread_count(unsigned requested) noexcept {
    return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

std::size_t part_count(std::size_t n, unsigned threads, std::size_t min_part) noexcept {
    return std::clamp<std::size_t>(n / std::max<std::size_t>(min_part, 1), 1, thread_count(threads));
}

void for_each_part(std::size_t n, std::size_t parts,
                   const std::function<void(std::size_t k, std::size_t begin, std::size_t end)>& part) {
    parts = std::max<std::size_t>(parts, 1);
    std::vector<std::exception_ptr> failed(parts);
    auto run = [&](std::size_t k) {
        try {
            part(k, n * k / parts, n * (k + 1) / parts);
        } catch (...) {
            failed[k] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    std::vector<std::size_t> here{0};
    threads.reserve(parts - 1);
    for (std::size_t k = 1; k < parts; ++k) {
        try {
            threads.emplace_back(run, k);
        } catch (const std::system_error&) {
            here.push_back(k);
        }
    }
    for (const auto k : here) run(k);
    for (auto& t : threads) t.join();
    for (const auto& e : failed)
        if (e) std::rethrow_exception(e);
}

void for_each_chunk(std::size_t n, std::size_t parts, std::size_t chunk, const CancellationToken* cancel,
                    const std::function<void(std::size_t k, std::size_t begin, std::size_t end)>& f) {
    chunk = std::max<std::size_t>(chunk, 1);
    for_each_part(n, parts, [&](std::size_t k, std::size_t begin, std::size_t end) {
        for (std::size_t first = begin; first < end; first += chunk) {
            throw_if_cancelled(cancel);
            f(k, first, std::min(end, first + chunk));
        }
    });
    throw_if_cancelled(cancel);  // a token set after the last chunk still cancels: nothing partial is returned
}

}  // namespace coopecon
