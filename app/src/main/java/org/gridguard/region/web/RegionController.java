package org.gridguard.region.web;

import java.util.List;

import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.PageActions;
import org.gridguard.region.GridWorker;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

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
 * Browse the tree from the user's own node downwards; officers re-grid (add, rename, merge grids) and assign
 * workers inside their area.
 */
@Controller
@RequestMapping("/regions")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'DEPARTMENT', 'EPIDEMIOLOGIST')")
class RegionController {

	private final RegionManagement regions;

	RegionController(RegionManagement regions) {
		this.regions = regions;
	}

	@GetMapping
	String root(Jurisdiction who) {
		return "redirect:/regions/" + who.regionCode();
	}

	@GetMapping("/{code}")
	String node(@PathVariable String code, Jurisdiction who, Model model) {
		if (!who.within(code)) {
			if (who.regionCode().startsWith(code)) {
				return "redirect:/regions/" + who.regionCode();
			}
			throw new NotFound("region " + code);
		}
		Region node = regions.get(code);
		List<Region> children = regions.children(code);
		model.addAttribute("node", node);
		model.addAttribute("path", regions.path(code).stream().filter(r -> who.within(r.code())).toList());
		model.addAttribute("children", children);
		model.addAttribute("counts", regions.childCounts(code));
		model.addAttribute("below", regions.countBelow(code));
		model.addAttribute("canAdminister", who.canAdminister(code));
		model.addAttribute("seesResidents", who.covers(code));
		model.addAttribute("childLevel",
				node.level() == RegionLevel.GRID ? null : RegionLevel.values()[node.level().ordinal() + 1]);
		if (node.level() == RegionLevel.GRID) {
			model.addAttribute("workers", regions.workers(code));
			model.addAttribute("siblings", regions.children(node.parentCode()).stream()
				.filter(r -> !r.code().equals(code))
				.toList());
			model.addAttribute("duties", GridWorker.Duty.values());
		}
		return "region/node";
	}

	@PostMapping("/{village}/grids")
	String createGrid(@PathVariable String village, @RequestParam String name, Jurisdiction who,
			RedirectAttributes flash) {
		try {
			Region grid = regions.createGrid(village, name, who);
			flash.addFlashAttribute("message", "region.grid.created");
			return "redirect:/regions/" + grid.code();
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			return "redirect:/regions/" + village;
		}
	}

	@PostMapping("/{code}/name")
	String rename(@PathVariable String code, @RequestParam String name, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			regions.rename(code, name, who);
			flash.addFlashAttribute("message", "region.renamed");
		});
		return "redirect:/regions/" + code;
	}

	@PostMapping("/{code}/merge")
	String merge(@PathVariable String code, @RequestParam String target, Jurisdiction who, RedirectAttributes flash) {
		try {
			regions.merge(code, target, who);
			flash.addFlashAttribute("message", "region.merged");
			return "redirect:/regions/" + target;
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			return "redirect:/regions/" + code;
		}
	}

	@PostMapping("/{code}/workers")
	String assignWorker(@PathVariable String code, @RequestParam String name,
			@RequestParam(required = false) @Nullable String phone, @RequestParam GridWorker.Duty duty,
			@RequestParam(required = false) @Nullable String username, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			regions.assignWorker(code, name, phone, duty, username, who);
			flash.addFlashAttribute("message", "region.worker.assigned");
		});
		return "redirect:/regions/" + code;
	}

	@PostMapping("/{code}/workers/{id}/remove")
	String removeWorker(@PathVariable String code, @PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		regions.removeWorker(id, who);
		flash.addFlashAttribute("message", "region.worker.removed");
		return "redirect:/regions/" + code;
	}

}
