package org.gridguard.account.web;

import java.util.List;

import org.gridguard.account.Account;
import org.gridguard.account.AccountManagement;
import org.gridguard.account.OrganizerUnits;
import org.gridguard.account.ApiToken;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.region.Role;
import org.gridguard.shared.Paging;
import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Account administration: the city admin for everyone; town and village officers for the grid workers and village
 * officers of their area.
 */
@Controller
@RequestMapping("/accounts")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
class AccountController {

	private final AccountManagement accounts;

	private final RegionManagement regions;

	AccountController(AccountManagement accounts, RegionManagement regions) {
		this.accounts = accounts;
		this.regions = regions;
	}

	@ModelAttribute("roles")
	List<Role> roles(Jurisdiction who) {
		return who.accountRoles();
	}

	@ModelAttribute("sectors")
	Sector[] sectors() {
		return Sector.values();
	}

	@ModelAttribute("organizerUnits")
	List<OrganizerUnits.Unit> organizerUnits(Jurisdiction who) {
		return accounts.organizerUnits(who);
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		model.addAttribute("result", accounts.search(who, q, role, Paging.of(page, 20)));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("base", UriComponentsBuilder.fromPath("/accounts")
			.queryParamIfPresent("q", java.util.Optional.ofNullable(q))
			.queryParamIfPresent("role", java.util.Optional.ofNullable(role))
			.build()
			.toUriString());
		return "account/list";
	}

	@GetMapping("/new")
	String createForm(@RequestParam(required = false) @Nullable String region, Jurisdiction who, Model model) {
		AccountForm form = AccountForm.empty();
		if (region != null) {
			form = new AccountForm("", "", "", null, region, null, "", Boolean.TRUE, null);
		}
		model.addAttribute("form", form);
		return "account/new";
	}

	@PostMapping
	String create(@ModelAttribute("form") AccountForm form, Jurisdiction who, Model model, RedirectAttributes flash) {
		try {
			Account account = accounts.create(form.toNewAccount(), who);
			flash.addFlashAttribute("saved", account.username());
			return "redirect:/accounts/" + account.id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("form", new AccountForm(form.username(), form.displayName(), form.phone(), form.role(),
					form.regionCode(), form.sector(), "", form.addAsGridWorker(), form.organizerId()));
			return "account/new";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		Account account = accounts.get(id, who);
		model.addAttribute("account", account);
		model.addAttribute("locks", accounts.signInLocks(id, who));
		model.addAttribute("regionName", regions.fullName(account.regionCode()));
		model.addAttribute("tokens", accounts.tokens(id, who));
		model.addAttribute("mayIssueTokens", who.isCityAdmin());
		return "account/show";
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			accounts.setEnabled(id, enabled, who);
		});
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, Jurisdiction who) {
		accounts.unlock(id, who);
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, Jurisdiction who,
			RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			accounts.resetPassword(id, password, who);
			flash.addFlashAttribute("passwordReset", true);
		});
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/tokens")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String issueToken(@PathVariable long id, @RequestParam String name,
			@RequestParam(required = false) @Nullable Integer validDays, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			ApiToken.Issued issued = accounts.issueToken(id, name, validDays, who);
			flash.addFlashAttribute("issuedSecret", issued.secret());
		});
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/tokens/{tokenId}/revoke")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String revokeToken(@PathVariable long id, @PathVariable long tokenId, Jurisdiction who) {
		accounts.revokeToken(tokenId, who);
		return "redirect:/accounts/" + id;
	}

}
