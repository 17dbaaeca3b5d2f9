package org.gridguard.platform.startup;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.gridguard.GridGuardApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting GridGuard on a port that another program holds stops at once, naming the port and the setting to change,
 * before the embedded database (and so the data directory) is touched. No application context is created.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortClashTests {

	@Test
	void aPortInUseIsReportedBeforeTheDatabaseStarts(@TempDir Path dir, CapturedOutput output) throws Exception {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(0));
			int port = taken.getLocalPort();
			Path data = dir.resolve("data");

			assertThatThrownBy(() -> SpringApplication.run(GridGuardApplication.class, "--server.port=" + port,
					"--gridguard.data-dir=" + data, "--gridguard.demo.enabled=false"))
				.isInstanceOf(PortTaken.class)
				.hasMessageContaining("Port " + port);

			assertThat(data).doesNotExist();
			assertThat(output.getOut() + output.getErr()).contains("Port " + port + " is already in use")
				.contains("Nothing was started")
				.contains("PORT=8081")
				.contains("--server.port=8081");
		}
	}

	@Test
	void aFreePortAndARandomOneAreNotReported() throws Exception {
		int free;
		try (ServerSocket probe = new ServerSocket(0)) {
			free = probe.getLocalPort();
		}
		PortCheck.check(new org.springframework.mock.env.MockEnvironment().withProperty("server.port", String.valueOf(free)));
		PortCheck.check(new org.springframework.mock.env.MockEnvironment().withProperty("server.port", "0"));
	}

}
