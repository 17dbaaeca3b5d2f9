package org.gridguard.cockpit.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.cockpit.AlertFeed;
import org.gridguard.cockpit.Cockpit;
import org.gridguard.cockpit.CockpitArea;
import org.gridguard.cockpit.CockpitAreas;
import org.gridguard.cockpit.CockpitProperties;
import org.gridguard.cockpit.Heat;
import org.gridguard.cockpit.Trends;
import org.gridguard.platform.NavItem;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The command cockpit: the figures of the reader's area or any part of it (drill-down by click through the heat view
 * and the breadcrumb), trends, the heat of the regions below and the alert feed, refreshed without reloading.
 */
@Controller
@RequestMapping("/cockpit")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
class CockpitController {

	private final CockpitAreas areas;

	private final Cockpit cockpit;

	private final Trends trends;

	private final Heat heat;

	private final AlertFeed feed;

	private final CockpitProperties properties;

	CockpitController(CockpitAreas areas, Cockpit cockpit, Trends trends, Heat heat, AlertFeed feed,
			CockpitProperties properties) {
		this.areas = areas;
		this.cockpit = cockpit;
		this.trends = trends;
		this.heat = heat;
		this.feed = feed;
		this.properties = properties;
	}

	@Bean
	static NavItem cockpitNav() {
		return NavItem.of("nav.cockpit", "/cockpit", 50, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER", "ROLE_VILLAGE_OFFICER");
	}

	@GetMapping
	String page(@RequestParam(required = false) @Nullable String region, Jurisdiction who, Model model) {
		CockpitArea area = areas.of(who, region);
		model.addAttribute("area", area);
		model.addAttribute("areaName", areas.fullName(area.code()));
		model.addAttribute("path", areas.path(area, who));
		model.addAttribute("reading", cockpit.read(area));
		model.addAttribute("heat", heat.of(area));
		model.addAttribute("cityAdmin", who.isCityAdmin());
		model.addAttribute("figuresRefresh", "every " + properties.figuresRefresh().toSeconds() + "s");
		model.addAttribute("feedRefresh", "load, every " + properties.feedRefresh().toSeconds() + "s");
		return "cockpit/cockpit";
	}

	/** The panels again, for the page's periodic refresh. */
	@GetMapping("/figures")
	String figures(@RequestParam(required = false) @Nullable String region, Jurisdiction who, Model model) {
		CockpitArea area = areas.of(who, region);
		model.addAttribute("area", area);
		model.addAttribute("reading", cockpit.read(area));
		model.addAttribute("figuresRefresh", "every " + properties.figuresRefresh().toSeconds() + "s");
		return "cockpit/cockpit :: figures";
	}

	@GetMapping("/feed")
	String feed(@RequestParam(required = false) @Nullable String region, Jurisdiction who, Model model) {
		CockpitArea area = areas.of(who, region);
		model.addAttribute("items", feed.latest(area, 20));
		return "cockpit/feed :: feed";
	}

	@GetMapping("/trends.json")
	@ResponseBody
	Trends.Chart trends(@RequestParam(required = false) @Nullable String region,
			@RequestParam(defaultValue = "14") int days, Jurisdiction who) {
		return trends.of(areas.of(who, region), days);
	}

	/** The regions below as treemap tiles: sized by the first column, coloured by the alarming ones. */
	@GetMapping("/heat.json")
	@ResponseBody
	List<Map<String, Object>> heat(@RequestParam(required = false) @Nullable String region, Jurisdiction who) {
		CockpitArea area = areas.of(who, region);
		Heat.Table table = heat.of(area);
		var tiles = new ArrayList<Map<String, Object>>();
		for (Heat.Row row : table.rows()) {
			if (row.self()) {
				continue;
			}
			long size = row.values().isEmpty() ? 0 : row.values().get(0);
			long alarm = 0;
			for (int i = 0; i < table.columns().size(); i++) {
				if (table.columns().get(i).alarming()) {
					alarm += row.values().get(i);
				}
			}
			var tile = new LinkedHashMap<String, Object>();
			tile.put("code", row.region().code());
			tile.put("name", row.region().level() == org.gridguard.region.RegionLevel.VILLAGE ? row.region().shortName()
					: row.region().name());
			// every region gets a tile, the empty ones a small one
			tile.put("value", size + 1);
			tile.put("size", size);
			tile.put("alarm", alarm);
			tiles.add(tile);
		}
		return tiles;
	}

}
