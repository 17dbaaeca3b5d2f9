/**
 * Infrastructure shared by every business module: database bootstrap, audit log, demo-data mechanism,
 * personal-data encryption, layout, internationalisation and error handling. Holds no business rules.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
@NullMarked
package org.gridguard.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
