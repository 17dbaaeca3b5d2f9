/**
 * Value types shared by every module: records only, no services.
 */
@NullMarked
package org.gridguard.shared;

import org.jspecify.annotations.NullMarked;
