/**
 * Test results (核酸 NAT, antigen; single and pooled samples): received from labs and imports, turned into status
 * facts, and announced to the modules that act on them (a positive opens a case; negatives count toward release).
 */
@ApplicationModule(displayName = "Testing", allowedDependencies = { "shared", "platform", "region", "person", "status" })
@NullMarked
package org.gridguard.testing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
