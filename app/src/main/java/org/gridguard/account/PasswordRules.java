package org.gridguard.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What a password that a person sets must not be: shorter than {@value #MIN_LENGTH} or longer than
 * {@value #MAX_LENGTH} characters; the username (or the product's name), alone or with digits and symbols around it;
 * one character or a short pattern repeated, or a run such as {@code 1234567890}, {@code abcdefghij} or
 * {@code qwertyuiop}; a common password (the list in {@code account/common-passwords.txt}), alone or with digits and
 * symbols around it ({@code password12}). Compared in lower case.
 */
@Component
class PasswordRules {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 200;

	/** The shortest core that counts as a word when digits and symbols around it are taken off. */
	private static final int MIN_CORE = 4;

	/** The longest pattern whose repetition is trivial ({@code abababab…}, {@code 123123123…}). */
	private static final int MAX_PERIOD = 4;

	/** Runs a password must not be part of, in both directions. */
	private static final String[] RUNS = { "01234567890123456789", "abcdefghijklmnopqrstuvwxyz",
			"qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "1q2w3e4r5t6y7u8i9o0p" };

	/** Names people try first: the product's, in English and in pinyin. */
	private static final Set<String> PRODUCT = Set.of("gridguard", "wanggezhikong");

	/** Why a password is refused, and the message key that says so. */
	enum Weakness {

		SHORT("account.password.short", "shorter than " + MIN_LENGTH + " characters"),
		LONG("account.password.long", "longer than " + MAX_LENGTH + " characters"),
		USERNAME("account.password.sameAsUsername", "the username or the name of this system"),
		TRIVIAL("account.password.trivial", "a repeated character or pattern, or a run such as 1234567890"),
		COMMON("account.password.common", "a common password");

		final String messageKey;

		/** For the operators' log, which is in English. */
		final String description;

		Weakness(String messageKey, String description) {
			this.messageKey = messageKey;
			this.description = description;
		}

	}

	private final Set<String> common;

	/** The rules with the common passwords shipped in the jar. */
	PasswordRules() {
		this.common = load();
	}

	private static Set<String> load() {
		try (InputStream in = PasswordRules.class.getResourceAsStream("/account/common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("account/common-passwords.txt is missing from the class path");
			}
			var words = new HashSet<String>();
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String word = line.strip().toLowerCase(Locale.ROOT);
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word);
				}
			}
			return Set.copyOf(words);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Common passwords known to the rules. */
	int commonCount() {
		return common.size();
	}

	/** The first reason to refuse {@code password} for the account {@code username}, if any. */
	Optional<Weakness> weakness(String password, String username) {
		if (password.length() < MIN_LENGTH) {
			return Optional.of(Weakness.SHORT);
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of(Weakness.LONG);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String core = core(lower);
		String name = username.strip().toLowerCase(Locale.ROOT);
		boolean isName = !name.isEmpty() && (lower.equals(name) || core.equals(name) || lower.equals(reverse(name)));
		if (isName || PRODUCT.contains(core)) {
			return Optional.of(Weakness.USERNAME);
		}
		if (repeated(lower) || run(lower)) {
			return Optional.of(Weakness.TRIVIAL);
		}
		if (common.contains(lower) || (core.length() >= MIN_CORE && common.contains(core))) {
			return Optional.of(Weakness.COMMON);
		}
		return Optional.empty();
	}

	/** The password without the digits and symbols at its ends: {@code password12!} → {@code password}. */
	static String core(String lower) {
		int from = 0;
		int to = lower.length();
		while (from < to && !Character.isLetter(lower.charAt(from))) {
			from++;
		}
		while (to > from && !Character.isLetter(lower.charAt(to - 1))) {
			to--;
		}
		return lower.substring(from, to);
	}

	/** One character, or a pattern of up to {@value #MAX_PERIOD}, repeated: {@code aaaa…}, {@code abab…}. */
	static boolean repeated(String s) {
		for (int period = 1; period <= MAX_PERIOD && period < s.length(); period++) {
			boolean repeats = true;
			for (int i = period; i < s.length() && repeats; i++) {
				repeats = s.charAt(i) == s.charAt(i - period);
			}
			if (repeats) {
				return true;
			}
		}
		return false;
	}

	/** Part of a run of digits, letters or keyboard keys, forwards or backwards. */
	static boolean run(String s) {
		for (String run : RUNS) {
			if (run.contains(s) || reverse(run).contains(s)) {
				return true;
			}
		}
		return false;
	}

	private static String reverse(String s) {
		return new StringBuilder(s).reverse().toString();
	}

}
