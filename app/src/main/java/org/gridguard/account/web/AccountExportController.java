package org.gridguard.account.web;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.account.Account;
import org.gridguard.account.AccountManagement;
import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The export twin of the account list: every account the list shows with the same filters. */
@Controller
class AccountExportController {

	private final AccountManagement accounts;

	private final ListExports exports;

	private final Messages messages;

	AccountExportController(AccountManagement accounts, ListExports exports, Messages messages) {
		this.accounts = accounts;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping("/accounts/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
	void accounts(@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Role role, Jurisdiction who, HttpServletResponse response) {
		exports.send(ListExport.of("accounts", accounts.searchList(who, q, role),
				List.of("account.username", "account.displayName", "account.role", "account.region", "common.status"),
				ListExport.<Account>eachRow(a -> Arrays.asList(a.username(), a.displayName(),
						messages.get(a.role().messageKey()), a.regionCode(),
						messages.get(a.enabled() ? "account.enabled" : "account.disabled")
								+ (a.demo() ? " · " + messages.get("account.demo") : ""))))
			.filteredBy("q", q, "role", role), format, response);
	}

}
