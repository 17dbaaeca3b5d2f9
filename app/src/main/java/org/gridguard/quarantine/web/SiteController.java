package org.gridguard.quarantine.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PageActions;
import org.gridguard.quarantine.Capacity;
import org.gridguard.quarantine.Care;
import org.gridguard.quarantine.NewSite;
import org.gridguard.quarantine.QuarantineFigures;
import org.gridguard.quarantine.Site;
import org.gridguard.quarantine.SiteQueries;
import org.gridguard.quarantine.SiteRegistry;
import org.gridguard.quarantine.SiteStaff;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The command's view of quarantine sites (all sites with occupancy, arrivals and releases by day, capacity against
 * the norm), registering sites, and a site's own page: rooms, working groups, staff and care requests.
 */
@Controller
@RequestMapping("/quarantine")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
class SiteController {

	private final SiteQueries queries;

	private final SiteRegistry registry;

	private final SiteStaff staff;

	private final Care care;

	private final Capacity capacity;

	private final QuarantineFigures figures;

	private final RegionManagement regions;

	private final Messages messages;

	SiteController(SiteQueries queries, SiteRegistry registry, SiteStaff staff, Care care, Capacity capacity,
			QuarantineFigures figures, RegionManagement regions, Messages messages) {
		this.queries = queries;
		this.registry = registry;
		this.staff = staff;
		this.care = care;
		this.capacity = capacity;
		this.figures = figures;
		this.regions = regions;
		this.messages = messages;
	}

	@Bean
	static NavItem quarantineNav() {
		return NavItem.of("nav.quarantine", "/quarantine", 450, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER",
				"ROLE_EPIDEMIOLOGIST", "ROLE_SITE_STAFF");
	}

	/** The sites and figures of the reader's area, or of a part of it ({@code region}: 404 outside). */
	@GetMapping
	String overview(@RequestParam(required = false) @Nullable String region, Jurisdiction who, Model model) {
		if (who.workSite() != null) {
			return "redirect:/quarantine/sites/" + who.workSite();
		}
		Jurisdiction area = who.narrowedTo(region);
		List<Site> sites = queries.sites(who, area.regionCode());
		model.addAttribute("sites", sites);
		model.addAttribute("townNames", townNames(sites));
		model.addAttribute("figures", figures.of(area.regionCode()));
		model.addAttribute("regionName", area == who ? null : regions.fullName(area.regionCode()));
		model.addAttribute("region", area == who ? null : area.regionCode());
		model.addAttribute("days", queries.byDay(sites.stream().map(Site::id).toList(), 14));
		model.addAttribute("mayRegister", who.mayCommandSites(who.regionCode()));
		return "quarantine/overview";
	}

	@GetMapping("/capacity")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST')")
	String capacity(Model model) {
		model.addAttribute("towns", capacity.byTown());
		model.addAttribute("norm", capacity.norm());
		return "quarantine/capacity";
	}

	@GetMapping("/sites/new")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER')")
	String newSite(Jurisdiction who, Model model) {
		model.addAttribute("towns", regions.children(Region.CITY_CODE)
			.stream()
			.filter(t -> who.mayCommandSites(t.code()))
			.toList());
		model.addAttribute("kinds", Site.Kind.values());
		return "quarantine/new";
	}

	@PostMapping("/sites")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER')")
	String register(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String townCode,
			@RequestParam(required = false) @Nullable String address,
			@RequestParam(required = false) @Nullable String operator,
			@RequestParam(required = false) @Nullable String headName,
			@RequestParam(required = false) @Nullable String headPhone,
			@RequestParam(required = false) @Nullable String zones,
			@RequestParam(required = false) @Nullable String rooms, Jurisdiction who, Model model) {
		var parsed = new ArrayList<NewSite.NewRoom>();
		var problems = new ArrayList<FieldProblem>();
		String[] lines = rooms == null ? new String[0] : rooms.split("\\R");
		int row = 0;
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			row++;
			String[] cells = line.split("[,，\\t]");
			try {
				String building = cells.length > 0 && !cells[0].isBlank() ? cells[0].strip() : null;
				Integer floor = cells.length > 1 && !cells[1].isBlank() ? Integer.valueOf(cells[1].strip()) : null;
				String number = cells.length > 2 ? cells[2].strip() : "";
				int beds = cells.length > 3 && !cells[3].isBlank() ? Integer.parseInt(cells[3].strip()) : 1;
				parsed.add(new NewSite.NewRoom(number, building, floor, beds,
						RoomKinds.parse(cells.length > 4 ? cells[4] : null)));
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem("rooms", messages.get("quarantine.rooms.line", row, line.strip())));
			}
		}
		try {
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
			Site site = registry.register(new NewSite(name, kind, townCode, address, operator, headName, headPhone, zones,
					parsed), who);
			return "redirect:/quarantine/sites/" + site.id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("typed", new String[] { name, kind, townCode, address, operator, headName, headPhone,
					zones, rooms });
			return newSite(who, model);
		}
	}

	@GetMapping("/sites/{id}")
	String site(@PathVariable long id, Jurisdiction who, Model model) {
		Site site = queries.site(id, who);
		model.addAttribute("site", site);
		model.addAttribute("townName", regions.nameOf(site.townCode()));
		model.addAttribute("runs", who.runsSite(id));
		model.addAttribute("cityAdmin", who.isCityAdmin());
		model.addAttribute("rooms", queries.rooms(id));
		model.addAttribute("groups", queries.groups(id));
		model.addAttribute("teams", Site.Team.values());
		model.addAttribute("staff", staff.list(id, who));
		model.addAttribute("care", care.of(id, who));
		model.addAttribute("days", queries.byDay(List.of(id), 7));
		return "quarantine/site";
	}

	@PostMapping("/sites/{id}/groups")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String group(@PathVariable long id, @RequestParam(required = false) Site.@Nullable Team team,
			@RequestParam(required = false) @Nullable String leader, @RequestParam(required = false) @Nullable String phone,
			Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> registry.setGroup(id, team, leader, phone, who));
		return "redirect:/quarantine/sites/" + id + "#groups";
	}

	@PostMapping("/sites/{id}/rooms/{roomId}/{action}")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String room(@PathVariable long id, @PathVariable long roomId, @PathVariable String action, Jurisdiction who,
			RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			switch (action) {
				case "disinfected" -> registry.disinfected(id, roomId, who);
				case "out" -> registry.outOfService(id, roomId, who);
				case "back" -> registry.backInService(id, roomId, who);
				default -> throw InvalidInput.of("action", messages.get("error.invalid"));
			}
		});
		return "redirect:/quarantine/sites/" + id + "#rooms";
	}

	@PostMapping("/sites/{id}/staff")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String addStaff(@PathVariable long id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) Site.@Nullable Team team,
			@RequestParam(required = false) @Nullable Integer ppeLevel, Jurisdiction who, RedirectAttributes flash) {
		try {
			staff.add(id, name, team, ppeLevel, who);
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			flash.addFlashAttribute("typedStaff", name);
		}
		return "redirect:/quarantine/sites/" + id + "#staff";
	}

	@PostMapping("/sites/{id}/staff/{staffId}/tested")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String tested(@PathVariable long id, @PathVariable long staffId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
			Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> staff.tested(id, staffId, on, who));
		return "redirect:/quarantine/sites/" + id + "#staff";
	}

	@PostMapping("/sites/{id}/staff/{staffId}/shift")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String shift(@PathVariable long id, @PathVariable long staffId, @RequestParam(required = false) @Nullable Integer days,
			Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> staff.startShift(id, staffId, null, days, who));
		return "redirect:/quarantine/sites/" + id + "#staff";
	}

	@PostMapping("/sites/{id}/staff/{staffId}/shift-end")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String endShift(@PathVariable long id, @PathVariable long staffId, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> staff.endShift(id, staffId, who));
		return "redirect:/quarantine/sites/" + id + "#staff";
	}

	@PostMapping("/sites/{id}/staff/{staffId}/task")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String task(@PathVariable long id, @PathVariable long staffId, @RequestParam(required = false) Site.@Nullable Team team,
			@RequestParam(required = false) @Nullable Integer ppeLevel, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> staff.assign(id, staffId, team, ppeLevel, who));
		return "redirect:/quarantine/sites/" + id + "#staff";
	}

	@PostMapping("/sites/{id}/staff/{staffId}/remove")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String removeStaff(@PathVariable long id, @PathVariable long staffId, Jurisdiction who) {
		staff.remove(id, staffId, who);
		return "redirect:/quarantine/sites/" + id + "#staff";
	}

	@PostMapping("/sites/{id}/care/{requestId}/close")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String closeCare(@PathVariable long id, @PathVariable long requestId,
			@RequestParam(required = false) @Nullable String outcome, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> care.close(id, requestId, outcome, who));
		return "redirect:/quarantine/sites/" + id + "#care";
	}

	@PostMapping("/sites/{id}/accounts")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String account(@PathVariable long id, @RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String displayName,
			@RequestParam(required = false) @Nullable String password, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			registry.createStaffAccount(id, username == null ? "" : username, displayName == null ? "" : displayName,
					password == null ? "" : password, who);
			flash.addFlashAttribute("accountCreated", username);
		});
		return "redirect:/quarantine/sites/" + id + "#accounts";
	}

	private java.util.Map<String, String> townNames(List<Site> sites) {
		var names = new java.util.HashMap<String, String>();
		sites.forEach(s -> names.computeIfAbsent(s.townCode(), regions::nameOf));
		return names;
	}

}
