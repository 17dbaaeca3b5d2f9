/**
 * The administrative tree 市 → 镇街 → 村社 → 网格, grid workers, roles and the jurisdiction check that every other
 * module applies: a node lies inside another exactly when its code starts with the other's code.
 */
@ApplicationModule(displayName = "Region", allowedDependencies = { "shared", "platform" })
@NullMarked
package org.gridguard.region;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
