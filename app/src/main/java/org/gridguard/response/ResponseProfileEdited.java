package org.gridguard.response;

import java.util.Set;

/** The city admin changed settings of one level's profile. */
public record ResponseProfileEdited(ResponseLevel level, Set<String> keys) {
}
