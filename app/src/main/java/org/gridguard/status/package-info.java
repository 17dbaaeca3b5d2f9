/**
 * Each person's status colour (red / yellow / green) with its reasons and history. Modules that know something about
 * a person (control, testing, venue, the provincial code adapter) assert facts through {@link StatusManagement};
 * an editable rules table turns facts into colours; the venue entry shows the result.
 */
@ApplicationModule(displayName = "Status", allowedDependencies = { "shared", "platform", "region", "person" })
@NullMarked
package org.gridguard.status;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
