/**
 * Public notices (通告) of the city command: drafted (also from an investigation's venue notice), approved, published
 * with the next number of the year, withdrawn or superseded; each lists risk areas (from the venue module) and
 * measures. A public page, a public API and a printable PDF show the notices in force and the current risk areas,
 * without an account. Sits above {@code venue} and {@code tracing}, whose risk areas and venue notices it reads.
 */
@ApplicationModule(displayName = "Notice",
		allowedDependencies = { "shared", "platform", "region", "venue", "tracing" })
@NullMarked
package org.gridguard.notice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
