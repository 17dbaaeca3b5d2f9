/**
 * Accounts, sign-in, API tokens and the security of every page and endpoint: who is signed in, with which role and
 * jurisdiction, lock-out after repeated failures, and the audit of logins.
 */
@ApplicationModule(displayName = "Account", allowedDependencies = { "shared", "platform", "region" })
@NullMarked
package org.gridguard.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
