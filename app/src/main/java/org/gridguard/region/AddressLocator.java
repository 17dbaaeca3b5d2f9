package org.gridguard.region;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads which town and village of the city a free-text address names, and what follows the village's name (building,
 * unit, room or house number) in a normal form, so that {@code 永康市东城街道园丁社区2幢1单元602室} and a household
 * registered as {@code 园丁社区2-1-602} meet.
 *
 * <p>Rules, in order: the text is normalised (full-width forms, spaces and punctuation); every town name found marks a
 * town; a village name counts only where it is not part of a town's name (the community 石柱 inside 石柱镇 is not a
 * village); among the villages found the one inside a named town wins, then the longest name, then the latest
 * occurrence (an address narrows from left to right). Villages of one city may share a name (芝英一村 is both a
 * 居委会 and a 村委会): all of them are returned, and the caller tells them apart by a household registered there.
 */
public final class AddressLocator {

	/** Words that mark an address as naming some administrative place. */
	private static final String[] PLACE_MARKERS = { "省", "自治区", "市", "县", "区", "州", "盟", "旗" };

	private static final Pattern DASHED = Pattern.compile("^(\\d+)-(\\d+)-(\\d+)$");

	private static final Pattern BUILDING = Pattern.compile("(号楼|栋|座|幢楼)");

	private static final Pattern TRAILING = Pattern.compile("(室|号|户)$");

	private static final Pattern NOISE = Pattern.compile("[\\s,，。.、:：;；()（）\\[\\]【】\"“”'‘’#]");

	private record Name(String text, String code, String townCode) {
	}

	private final List<Name> towns = new ArrayList<>();

	private final List<Name> villages = new ArrayList<>();

	/** Names by their first character: an address is scanned once, trying only the names that start where it stands. */
	private final java.util.Map<Character, List<Name>> townsByFirst = new java.util.HashMap<>();

	private final java.util.Map<Character, List<Name>> villagesByFirst = new java.util.HashMap<>();

	private final String cityName;

	private final String cityShortName;

	/** Built from the tree: the city, its towns and their villages. */
	public AddressLocator(Region city, List<Region> townList, java.util.function.Function<String, List<Region>> children) {
		this.cityName = normalize(city.name());
		this.cityShortName = cityName.endsWith("市") ? cityName.substring(0, cityName.length() - 1) : cityName;
		for (Region town : townList) {
			towns.add(new Name(normalize(town.name()), town.code(), town.code()));
			for (Region village : children.apply(town.code())) {
				String shortName = normalize(village.shortName());
				villages.add(new Name(shortName, village.code(), town.code()));
				String full = normalize(village.name());
				if (!full.equals(shortName)) {
					villages.add(new Name(full, village.code(), town.code()));
				}
			}
		}
		for (Name t : towns) {
			townsByFirst.computeIfAbsent(t.text().charAt(0), c -> new ArrayList<>()).add(t);
		}
		for (Name v : villages) {
			if (!v.text().isEmpty()) {
				villagesByFirst.computeIfAbsent(v.text().charAt(0), c -> new ArrayList<>()).add(v);
			}
		}
	}

	/**
	 * Where an address lies.
	 *
	 * @param townCode the town named (or the town of the village found), if any
	 * @param villageCodes the villages the address names, usually one; several when villages share the name
	 * @param remainder what follows the village's (or town's) name, normalised: the key of a household's address
	 * @param inCity whether the address names this city or one of its places
	 * @param elsewhere whether it names some other administrative place and none of this city
	 */
	public record Located(@Nullable String townCode, List<String> villageCodes, @Nullable String villageName,
			String remainder, boolean inCity, boolean elsewhere) {

		public boolean hasVillage() {
			return !villageCodes.isEmpty();
		}

	}

	public Located locate(@Nullable String address) {
		String text = stripCity(normalize(address == null ? "" : address));
		if (text.isEmpty()) {
			return new Located(null, List.of(), null, "", false, false);
		}
		boolean[] inTown = new boolean[text.length()];
		String townCode = null;
		int townEnd = -1;
		for (int at = 0; at < text.length(); at++) {
			List<Name> starting = townsByFirst.get(text.charAt(at));
			if (starting == null) {
				continue;
			}
			for (Name town : starting) {
				if (text.startsWith(town.text(), at)) {
					for (int i = at; i < at + town.text().length(); i++) {
						inTown[i] = true;
					}
					if (townCode == null || at + town.text().length() > townEnd) {
						townCode = town.code();
						townEnd = at + town.text().length();
					}
				}
			}
		}
		// each village name's last occurrence that is not wholly inside a town's name
		var lastAt = new java.util.HashMap<Name, Integer>();
		for (int at = 0; at < text.length(); at++) {
			List<Name> starting = villagesByFirst.get(text.charAt(at));
			if (starting == null) {
				continue;
			}
			for (Name village : starting) {
				if (text.startsWith(village.text(), at) && !covered(inTown, at, village.text().length())) {
					lastAt.put(village, at);
				}
			}
		}
		Name best = null;
		int bestAt = -1;
		var ties = new ArrayList<String>();
		var tiedNames = new ArrayList<Name>();
		for (var found : lastAt.entrySet()) {
			Name village = found.getKey();
			int at = found.getValue();
			int cmp = best == null ? 1 : compare(village, at, best, bestAt, townCode);
			if (cmp > 0) {
				best = village;
				bestAt = at;
				ties.clear();
				ties.add(village.code());
				tiedNames.clear();
				tiedNames.add(village);
			}
			else if (cmp == 0 && !ties.contains(village.code())) {
				ties.add(village.code());
				tiedNames.add(village);
			}
		}
		if (best != null) {
			String rest = text.substring(bestAt + best.text().length());
			// villages sharing the name in different towns: no town can be told either
			String town = best.townCode();
			for (Name v : tiedNames) {
				if (!v.townCode().equals(town)) {
					town = null;
					break;
				}
			}
			List<String> sorted = new ArrayList<>(ties);
			sorted.sort(null);
			return new Located(town, List.copyOf(sorted), best.text(), normalizeRemainder(rest), true, false);
		}
		if (townCode != null) {
			return new Located(townCode, List.of(), null, normalizeRemainder(text.substring(townEnd)), true, false);
		}
		boolean inCity = normalize(address == null ? "" : address).contains(cityShortName);
		boolean elsewhere = false;
		if (!inCity) {
			for (String marker : PLACE_MARKERS) {
				if (text.contains(marker)) {
					elsewhere = true;
					break;
				}
			}
		}
		return new Located(null, List.of(), null, normalizeRemainder(text), inCity, elsewhere);
	}

	/**
	 * The key of a household's address inside its own village: what follows the village's name (or the whole address
	 * without the city and town when the name is not written).
	 */
	public String householdKey(String address, String villageCode) {
		String text = stripCity(normalize(address));
		int end = -1;
		for (Name village : villages) {
			if (village.code().equals(villageCode)) {
				int at = text.lastIndexOf(village.text());
				if (at >= 0 && at + village.text().length() > end) {
					end = at + village.text().length();
				}
			}
		}
		if (end < 0) {
			for (Name town : towns) {
				int at = text.lastIndexOf(town.text());
				if (at >= 0 && at + town.text().length() > end) {
					end = at + town.text().length();
				}
			}
		}
		return normalizeRemainder(end < 0 ? text : text.substring(end));
	}

	/** +1 when {@code a} at {@code aAt} is a better reading of the address than {@code b} at {@code bAt}. */
	private static int compare(Name a, int aAt, Name b, int bAt, @Nullable String townCode) {
		if (townCode != null) {
			boolean aIn = a.townCode().equals(townCode);
			boolean bIn = b.townCode().equals(townCode);
			if (aIn != bIn) {
				return aIn ? 1 : -1;
			}
		}
		if (a.text().length() != b.text().length()) {
			return a.text().length() > b.text().length() ? 1 : -1;
		}
		return Integer.compare(aAt, bAt);
	}

	private static boolean covered(boolean[] inTown, int at, int length) {
		for (int i = at; i < at + length; i++) {
			if (!inTown[i]) {
				return false;
			}
		}
		return true;
	}

	private String stripCity(String text) {
		String t = text;
		for (String prefix : new String[] { "浙江省", "浙江", "金华市", "金华" }) {
			if (t.startsWith(prefix)) {
				t = t.substring(prefix.length());
			}
		}
		if (t.startsWith(cityName)) {
			t = t.substring(cityName.length());
		}
		else if (t.startsWith(cityShortName)) {
			t = t.substring(cityShortName.length());
		}
		return t;
	}

	/** Full-width forms folded, spaces and punctuation dropped. */
	static String normalize(String text) {
		return NOISE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
	}

	/**
	 * The normal form of what follows a village's name: 栋/座/号楼 as 幢, {@code 2-1-602} as 2幢1单元602, without a
	 * trailing 室/号/户.
	 */
	public static String normalizeRemainder(String rest) {
		String r = TRAILING.matcher(normalize(rest).replace('—', '-').replace('–', '-')).replaceAll("");
		Matcher dashed = DASHED.matcher(r);
		if (dashed.matches()) {
			r = dashed.group(1) + "幢" + dashed.group(2) + "单元" + dashed.group(3);
		}
		r = BUILDING.matcher(r).replaceAll("幢");
		return TRAILING.matcher(r).replaceAll("");
	}

}
