package org.gridguard.status;

/**
 * A person's colour changed (published after every recomputation that changes it).
 */
public record StatusChanged(long personId, StatusColour from, StatusColour to, String ruleKind) {
}
