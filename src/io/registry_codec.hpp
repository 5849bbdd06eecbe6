#pragma once
// The JSON codec of the registry file's events and organisations (docs/registry-format.md), for json::Reader and
// json::Writer. The registry file's reader and writer use it (registry_json.cpp), and so does the Python module,
// which reads organisations and events given as Python objects through the same Reader.

#include <coopecon/export.hpp>
#include "json/traits.hpp"
#include <coopecon/model/event.hpp>
#include <coopecon/registry/registry.hpp>

#include <boost/json/fwd.hpp>

namespace coopecon::json {

/// An event is one object: "date", "type" (an EventType name) and exactly the keys of that type's payload.
template <>
struct COOPECON_EXPORT Codec<Event> {
    static void read(Reader& r, const boost::json::value& v, Event& e);
    static void write(Writer& w, const Event& e);
};

/// An organisation: the keys of Organization, then "members" and "events".
template <>
struct COOPECON_EXPORT Codec<OrganizationRecord> {
    static void read(Reader& r, const boost::json::value& v, OrganizationRecord& record);
    static void write(Writer& w, const OrganizationRecord& record);
};

}  // namespace coopecon::json
