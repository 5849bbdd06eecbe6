#pragma once
// A legal framework as Python holds it (_core.Framework): an immutable framework shared with every registry
// built on it. Bindings of other areas that take or give a framework use this type.

#include <coopecon/law/framework.hpp>

#include <memory>

namespace coopecon::python {

struct FrameworkHandle {
    std::shared_ptr<const law::Framework> law;
};

}  // namespace coopecon::python
