/**
 * Four-party responsibility (属地、部门、单位、个人): who answers for each controlled person, venue, event and
 * quarantine site, and everything a given party answers for.
 */
@ApplicationModule(displayName = "Responsibility", allowedDependencies = { "shared", "platform", "region" })
@NullMarked
package org.gridguard.responsibility;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
