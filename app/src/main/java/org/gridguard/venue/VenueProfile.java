package org.gridguard.venue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.gridguard.response.ProfileSetting;
import org.gridguard.response.ProfileSettings;
import org.gridguard.response.ResponseProfile;
import org.gridguard.response.ResponseProfiles;

import org.springframework.stereotype.Component;

/**
 * The venue numbers that change with the response level, in its rule profile:
 * <ul>
 * <li>{@code venue.nat-days.<CATEGORY>}: days between routine tests of the staff. The configured interval
 * ({@code gridguard.venue.nat-days.*}, else the category's default) holds at 常态化 and Ⅳ; at Ⅲ half of it, at Ⅱ a
 * third (rounded up), at Ⅰ daily.</li>
 * <li>{@code venue.capacity.<CATEGORY>}: the share of its capacity a venue of a crowd-drawing category may admit
 * (rules §6: ≤ 75 % during an outbreak); 0 means closed at that level.</li>
 * <li>{@code venue.special.closure}: the closed management every special place is under at least (rules §8.2:
 * 全封闭 during a local outbreak); a venue's own stricter closure stays.</li>
 * </ul>
 */
@Component
public class VenueProfile implements ProfileSettings {

	static final String SPECIAL_CLOSURE = "venue.special.closure";

	/** Caps from 常态化 to Ⅰ, in percent of a venue's capacity, of the categories that draw crowds. */
	private static final Map<VenueCategory, List<Integer>> CAPS = new EnumMap<>(Map.of(
			VenueCategory.MALL_SUPERMARKET, List.of(100, 100, 75, 50, 50),
			VenueCategory.MARKET, List.of(100, 100, 75, 50, 50),
			VenueCategory.HOTEL, List.of(100, 100, 75, 50, 50),
			VenueCategory.CULTURE_SPORTS, List.of(100, 75, 50, 0, 0)));

	private final ResponseProfiles profiles;

	private final VenueProperties properties;

	VenueProfile(ResponseProfiles profiles, VenueProperties properties) {
		this.profiles = profiles;
		this.properties = properties;
	}

	static String natDaysKey(VenueCategory category) {
		return "venue.nat-days." + category.name();
	}

	static String capacityKey(VenueCategory category) {
		return "venue.capacity." + category.name();
	}

	/** Days between routine tests of a category's staff (1 = daily), under the level in force. */
	public int natDays(VenueCategory category) {
		return profiles.active().integer(natDaysKey(category));
	}

	/** The share of its capacity a venue of this category may admit now, in percent; empty when not capped. */
	public OptionalInt capacityPercent(VenueCategory category) {
		return CAPS.containsKey(category) ? OptionalInt.of(profiles.active().integer(capacityKey(category)))
				: OptionalInt.empty();
	}

	/** The closed management every special place is under at least, with the level that decides it. */
	public LevelClosure specialClosure() {
		ResponseProfile profile = profiles.active();
		return new LevelClosure(profile.choice(SPECIAL_CLOSURE, Closure.class), profile.level().messageKey());
	}

	/** A closure the response level imposes, and the message key of that level's name. */
	public record LevelClosure(Closure closure, String levelKey) {

		/** The stricter of a venue's own closure and this one. */
		public Closure over(Closure own) {
			return closure.ordinal() > own.ordinal() ? closure : own;
		}

	}

	@Override
	public int order() {
		return 400;
	}

	@Override
	public List<ProfileSetting> declarations() {
		var list = new ArrayList<ProfileSetting>();
		for (VenueCategory category : VenueCategory.values()) {
			int n = properties.natDaysOf(category);
			list.add(ProfileSetting
				.integer(natDaysKey(category), "venue.profile.group.nat", "venue.profile.natDays",
						List.of(n, n, (n + 1) / 2, (n + 2) / 3, 1))
				.labelArgs("#" + category.messageKey())
				.range("1", "30")
				.unitKey("response.unit.DAYS"));
		}
		CAPS.forEach((category, caps) -> list.add(ProfileSetting
			.integer(capacityKey(category), "venue.profile.group.capacity", "venue.profile.capacity", caps)
			.labelArgs("#" + category.messageKey())
			.range("0", "100")
			.unitKey("response.unit.percent")));
		list.add(ProfileSetting.choice(SPECIAL_CLOSURE, "venue.profile.group.special", "venue.profile.specialClosure",
				"venue.closure.", List.of(Closure.OPEN.name(), Closure.CLOSED.name(), Closure.EXIT_ONLY.name()),
				List.of(Closure.OPEN.name(), Closure.OPEN.name(), Closure.CLOSED.name(), Closure.CLOSED.name(),
						Closure.CLOSED.name())));
		return list;
	}

}
