#pragma once

/// Symbol visibility for the SDK. hisx builds everything with -fvisibility=hidden, so
/// every class whose RTTI or exceptions cross a library boundary is marked HISX_SDK_API.
#define HISX_SDK_API __attribute__((visibility("default")))

/// Marks a symbol that a plugin library exports to the host.
#define HISX_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))
