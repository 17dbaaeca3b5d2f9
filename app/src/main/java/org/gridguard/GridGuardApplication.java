package org.gridguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class GridGuardApplication {

	public static void main(String[] args) {
		SpringApplication.run(GridGuardApplication.class, args);
	}

}
