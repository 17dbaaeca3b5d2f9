package org.gridguard.account;

import java.util.List;
import java.util.Optional;

import org.gridguard.region.Jurisdiction;

/**
 * The organizer units that {@link org.gridguard.region.Role#ORGANIZER} accounts are bound to. The module that keeps
 * the units (meetings and events) implements it, so that the account pages can offer and check them without this
 * module knowing that module; without an implementation no organizer account can be created.
 */
public interface OrganizerUnits {

	/** The units an administrator may bind an account to, by name. */
	List<Unit> choosable(Jurisdiction who);

	/** One unit, by id. */
	Optional<Unit> find(long id);

	/** A registered organizer unit and the town it is registered in. */
	record Unit(long id, String name, String townCode) {
	}

}
