#pragma once

#include <Poco/JSON/Object.h>

#include "hisx/problem.h"
#include "linking/link_store.h"

namespace hisx::app_link {

/// A link as the API shows it, with its consent.
Poco::JSON::Object::Ptr link_json(const Link& link);

/// The problem when an app account holds the most links allowed (409 "family-limit").
sdk::Problem family_limit(const Environment& env, const std::string& account_id);

}  // namespace hisx::app_link
