package org.gridguard.account;

import org.gridguard.platform.DemoDataContributor;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One demo account per role (the password is {@code gridguard.demo.password}); they can sign in only while demo
 * mode is on. Venue-manager and quarantine-site accounts come with the demo venues and sites.
 */
@Component
class AccountDemoData implements DemoDataContributor {

	/** The grid of the demo grid worker: 东城街道 园丁社区 第1网格. */
	static final String DEMO_GRID = "330784001001001";

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final String password;

	AccountDemoData(AccountManagement accounts, JdbcClient jdbc, @Value("${gridguard.demo.password}") String password) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.password = password;
	}

	@Override
	public String key() {
		return "account.demo-users.v1";
	}

	@Override
	public int order() {
		return 150;
	}

	@Override
	public void load() {
		Jurisdiction system = Jurisdiction.system();
		create("cdc", "疾控流调员 陈静", Role.EPIDEMIOLOGIST, "330784", null, system);
		create("town", "东城街道专班 李强", Role.TOWN_OFFICER, "330784001", null, system);
		create("village", "园丁社区书记 王芳", Role.VILLAGE_OFFICER, "330784001001", null, system);
		create("grid", "网格员 胡晓燕", Role.GRID_WORKER, DEMO_GRID, null, system);
		create("grid2", "网格员 应建国", Role.GRID_WORKER, "330784001001002", null, system);
		create("commerce", "商务局 吕明", Role.DEPARTMENT, "330784", "COMMERCE", system);
		create("health", "卫健局 程丽", Role.DEPARTMENT, "330784", "HEALTH", system);
	}

	private void create(String username, String name, Role role, String region, String sector, Jurisdiction system) {
		accounts.create(new NewAccount(username, name, null, role, region, sector, null, null, password,
				role == Role.GRID_WORKER), system);
		jdbc.sql("UPDATE account_user SET demo = true WHERE username = ?").param(username).update();
	}

}
