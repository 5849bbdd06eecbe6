// The default registry's framework and areas come from the embedded data files, parsed once.

#include <coopecon/law/framework_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/registry/registry.hpp>

namespace coopecon {

Registry::Registry() : Registry(law::vietnam(), vietnam_areas()) {}

}  // namespace coopecon
