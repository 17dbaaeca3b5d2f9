/**
 * Persons and households: residents with an address and a grid, and everyone else who was pushed, scanned or
 * tested. Identity documents are validated, stored encrypted, masked in lists and shown in full only inside the
 * viewer's jurisdiction, with every full view audited.
 */
@ApplicationModule(displayName = "Person", allowedDependencies = { "shared", "platform", "region" })
@NullMarked
package org.gridguard.person;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
