package org.gridguard.response;

import java.util.List;

/**
 * A module's share of the rule profile: the settings that change with the response level. A module declares them as
 * a bean of this type (usually the same class that reads them typed, through {@link ResponseProfiles#active()}); the
 * response module collects every such bean, stores the city admin's values per level and shows them in the profile
 * editor, without knowing the module. Defaults at {@link ResponseLevel#NORMAL} should be the module's configured
 * values, so that configuration stays the source of defaults.
 */
public interface ProfileSettings {

	/** Position of these settings in the profile editor, lower first (the module's place in the navigation). */
	int order();

	/** The settings, in the order the editor shows them. */
	List<ProfileSetting> declarations();

}
