package org.gridguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds what a reader should never see in a page's visible text: enum codes (CENTRAL_ISOLATION, NEGATIVE), protocol
 * ids and field names (v9_close_contact, idNumber), investigation parameters (lookback-4d), message keys left
 * unresolved, instants printed raw, temperatures with a tail of digits; on a Chinese page English words, on an
 * English page Chinese labels of the interface.
 * <p>
 * Data is not text of the interface: elements marked {@code translate="no"} (names, addresses, usernames, notice
 * bodies) are skipped, as are scripts, styles, and the language switch.
 */
public final class RawText {

	/** A token that should not be there, with the text around it. */
	public record Finding(String token, String why, String text) {

		@Override
		public String toString() {
			return why + " \"" + token + "\" in \"" + text + "\"";
		}

	}

	private static final Pattern URL_OR_MAIL = Pattern.compile("https?://\\S+|\\S+@\\S+|(?:(?<=\\s)|^)/[\\w./?=&-]+");

	private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(?:-[0-9]+[a-z]?)?");

	private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");

	private static final Pattern LOWER_SNAKE = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)+");

	private static final Pattern CAMEL = Pattern.compile("[a-z]+[A-Z][A-Za-z0-9]*");

	private static final Pattern PARAMETER = Pattern.compile("[a-z]+-[0-9]+[a-z]?");

	private static final Pattern MESSAGE_KEY = Pattern.compile("\\?\\?[\\w.-]+\\?\\?|\\b[a-z]+(?:\\.[a-z][\\w-]*){2,}\\b");

	private static final Pattern RAW_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

	private static final Pattern LONG_TEMPERATURE = Pattern.compile("\\d+\\.\\d{2,}\\s*(?:℃|°C)");

	private static final Pattern FILE_NAME_FOLLOWS = Pattern.compile("[\\w-]*\\.(?:csv|xlsx|xls|pdf|docx?|txt)\\b");

	private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");

	/** Acronyms a Chinese page may use as they are. */
	private static final Set<String> ACRONYMS = Set.of("QR", "PDF", "CSV", "XLSX", "XLS", "API", "SMS", "ID", "URL",
			"HTTP", "HTTPS", "JSON", "OK", "GPS", "CDC", "PCR", "NAT", "IP", "IPv6", "GridGuard", "English", "Excel",
			"Basic", "Bearer", "Authorization", "UTF-8", "GBK", "SHA-256", "Word", "WPS", "ODT", "OFD", "doc", "docx", "WiFi",
			"App", "Ct", "ORF");

	private final Set<String> enumConstants;

	private final Set<String> chineseLabels;

	private final Set<String> dataWords;

	/**
	 * @param enumConstants names of the application's enum constants, printed as they are only by mistake
	 * @param chineseLabels the Chinese texts of the interface (values of the default message bundles)
	 * @param dataWords words that are data wherever they appear (usernames)
	 */
	public RawText(Set<String> enumConstants, Set<String> chineseLabels, Set<String> dataWords) {
		this.enumConstants = enumConstants;
		this.chineseLabels = chineseLabels;
		this.dataWords = dataWords;
	}

	public List<Finding> find(String html, Locale language) {
		Document page = Jsoup.parse(html);
		page.select("script, style, template, noscript, [translate=no], #lang-zh, #lang-en, head").remove();
		boolean english = language.getLanguage().equals("en");
		var findings = new ArrayList<Finding>();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(org.jsoup.nodes.Node node, int depth) {
				if (node instanceof TextNode text && !text.isBlank()) {
					check(text.text().strip(), english, findings);
				}
				if (node instanceof Element element) {
					for (String attribute : List.of("placeholder", "title", "aria-label", "alt")) {
						if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()) {
							check(element.attr(attribute).strip(), english, findings);
						}
					}
				}
			}
		}, page.body());
		return findings;
	}

	private void check(String text, boolean english, List<Finding> findings) {
		find(MESSAGE_KEY, text, "message key", findings);
		find(RAW_INSTANT, text, "instant printed raw", findings);
		find(LONG_TEMPERATURE, text, "temperature with a tail of digits", findings);
		String words = URL_OR_MAIL.matcher(text).replaceAll(" ");
		Matcher m = WORD.matcher(words);
		while (m.find()) {
			String token = m.group();
			if (m.start() > 0 && words.charAt(m.start() - 1) == '.' || FILE_NAME_FOLLOWS.matcher(words).region(m.end(),
					words.length()).lookingAt()) {
				continue; // a file's name and extension are data
			}
			if (UPPER_SNAKE.matcher(token).matches()
					|| token.length() >= 4 && enumConstants.contains(token) && !ACRONYMS.contains(token)) {
				findings.add(new Finding(token, "enum code", text));
			}
			else if (LOWER_SNAKE.matcher(token).matches()) {
				findings.add(new Finding(token, "code", text));
			}
			else if (PARAMETER.matcher(token).matches()) {
				findings.add(new Finding(token, "parameter", text));
			}
			else if (CAMEL.matcher(token).matches() && !ACRONYMS.contains(token)) {
				findings.add(new Finding(token, "field name", text));
			}
			else if (!english && token.length() >= 2 && token.chars().filter(Character::isLetter).count() >= 2
					&& !token.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
					&& !ACRONYMS.contains(token) && !dataWords.contains(token)) {
				findings.add(new Finding(token, "English on a Chinese page", text));
			}
		}
		// a text that is exactly a Chinese label of the interface; names and addresses are not labels
		if (english && CJK.matcher(text).find() && chineseLabels.contains(text)) {
			findings.add(new Finding(text, "Chinese label on an English page", text));
		}
	}

	private static void find(Pattern pattern, String text, String why, List<Finding> findings) {
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			findings.add(new Finding(m.group(), why, text));
		}
	}

}
