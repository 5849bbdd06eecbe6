#pragma once
// Asking the kernel to back a large, not yet written block of memory with huge pages. Writing fresh memory
// page by page makes the kernel fault in and clear every 4 KiB page; a snapshot of millions of organisations
// spends longer on that than on replaying their histories. With transparent huge pages in "madvise" mode (the
// default of many distributions), one fault then brings in 2 MiB. Elsewhere, or when refused, nothing changes.

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace coopecon::detail {

inline void advise_huge_pages([[maybe_unused]] void* data, [[maybe_unused]] std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t{1} << 21;
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + huge - 1) & ~(huge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(huge - 1);
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // advice: failure is harmless
#endif
}

}  // namespace coopecon::detail
