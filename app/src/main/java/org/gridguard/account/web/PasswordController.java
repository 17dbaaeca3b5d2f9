package org.gridguard.account.web;

import org.gridguard.account.AccountManagement;
import org.gridguard.platform.InvalidInput;
import org.gridguard.region.Jurisdiction;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every signed-in user changes their own password here. */
@Controller
@RequestMapping("/account/password")
@PreAuthorize("isAuthenticated()")
class PasswordController {

	private final AccountManagement accounts;

	PasswordController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String form() {
		return "account/password";
	}

	@PostMapping
	String change(@RequestParam String current, @RequestParam String password, @RequestParam String confirm,
			Jurisdiction who, Model model) {
		if (!password.equals(confirm)) {
			model.addAttribute("mismatch", true);
			return "account/password";
		}
		try {
			accounts.changeOwnPassword(who.username(), current, password);
			model.addAttribute("changed", true);
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
		}
		return "account/password";
	}

}
