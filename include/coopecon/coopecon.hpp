#pragma once
// Umbrella header: the whole public API of coopecon.

#include <coopecon/core/date.hpp>
