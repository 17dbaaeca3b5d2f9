package org.gridguard.response;

import org.springframework.stereotype.Service;

/**
 * Where modules read their level-dependent numbers: the profile of the level in force, or of any level. Reading is a
 * few field reads (the profiles are held in memory, see {@link ResponseState}), so a module may ask at every
 * decision; it should ask once per decision and keep the {@link ResponseProfile} it got, so that the decision reads
 * one consistent profile.
 */
@Service
public class ResponseProfiles {

	private final ResponseState state;

	ResponseProfiles(ResponseState state) {
		this.state = state;
	}

	/** The profile of the level in force now. */
	public ResponseProfile active() {
		return state.active();
	}

	/** The profile of {@code level}, whether in force or not. */
	public ResponseProfile of(ResponseLevel level) {
		return state.profile(level);
	}

}
