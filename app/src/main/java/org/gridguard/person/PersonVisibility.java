package org.gridguard.person;

import org.gridguard.region.Jurisdiction;

/**
 * A reason, owned by another module, for someone to see a person who does not live in their area: e.g. the grid
 * worker and officers answering for a risk person under control in their grid. {@link PersonManagement} asks every
 * such bean when its own rule (the person lives inside the jurisdiction) does not grant the view.
 */
public interface PersonVisibility {

	/** Whether {@code who} may see the person {@code personId} for a reason this module knows. */
	boolean grants(long personId, Jurisdiction who);

}
