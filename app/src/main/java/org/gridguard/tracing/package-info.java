/**
 * Co-presence tracing and case investigation: the in-memory contact index over the last weeks of check-ins (fed
 * live by the venue module), the co-presence query of the integration API, and investigations that turn a positive
 * result into proposed contacts, classified by rule and by hand, and confirmed into the control loop. The index
 * itself is the plain-Java library {@code org.gridguard.trace} (the {@code trace-core} artifact).
 */
@ApplicationModule(displayName = "Tracing", allowedDependencies = { "shared", "platform", "region", "person", "venue",
		"testing", "trace" })
@NullMarked
package org.gridguard.tracing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
