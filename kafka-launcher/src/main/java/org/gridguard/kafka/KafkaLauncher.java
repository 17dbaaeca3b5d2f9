package org.gridguard.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/**
 * One Apache Kafka broker in KRaft mode (broker and controller in one process, no ZooKeeper), from the Kafka jars this
 * module is built with: formats the log directory on the first start, then runs the broker until the process is
 * stopped (Ctrl-C or SIGTERM shut it down cleanly). For distributed mode on one machine and for trying it out; a
 * production cluster runs three or more brokers of its own.
 *
 * <pre>
 * java -jar kafka-launcher/target/gridguard-kafka.jar [--port 9092] [--controller-port 9093] [--data-dir ./data/kafka]
 *      [--host localhost] [name=value ...]
 * </pre>
 * Further {@code name=value} arguments are broker settings ({@code log.retention.hours=672} ...).
 */
public final class KafkaLauncher {

	private KafkaLauncher() {
	}

	public static void main(String[] args) throws IOException {
		int port = 9092;
		int controllerPort = 9093;
		String host = "localhost";
		Path dataDir = Path.of("data", "kafka");
		Map<String, String> extra = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--port" -> port = Integer.parseInt(args[++i]);
				case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
				case "--host" -> host = args[++i];
				case "--data-dir" -> dataDir = Path.of(args[++i]);
				case "--help", "-h" -> {
					System.out.println("options: --port 9092 --controller-port 9093 --host localhost "
							+ "--data-dir data/kafka [broker.setting=value ...]");
					return;
				}
				default -> {
					int eq = args[i].indexOf('=');
					if (eq <= 0) {
						throw new IllegalArgumentException("unknown argument " + args[i]);
					}
					extra.put(args[i].substring(0, eq), args[i].substring(eq + 1));
				}
			}
		}
		Path logs = dataDir.toAbsolutePath().resolve("logs");
		Files.createDirectories(logs);
		Path config = dataDir.toAbsolutePath().resolve("server.properties");
		Properties props = settings(host, port, controllerPort, logs);
		extra.forEach(props::setProperty);
		try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
			props.store(out, "written by the GridGuard Kafka launcher at every start");
		}
		if (!Files.exists(logs.resolve("meta.properties"))) {
			int code = kafka.tools.StorageTool.execute(new String[] { "format", "--config", config.toString(),
					"--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted" }, System.out);
			if (code != 0) {
				System.err.println("formatting " + logs + " failed");
				System.exit(code);
			}
		}
		System.out.println("Kafka (KRaft) starting: bootstrap servers " + host + ":" + port + ", data in " + dataDir);
		kafka.Kafka.main(new String[] { config.toString() });
	}

	static Properties settings(String host, int port, int controllerPort, Path logs) {
		Properties p = new Properties();
		p.setProperty("process.roles", "broker,controller");
		p.setProperty("node.id", "1");
		p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
		p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
		p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
		p.setProperty("controller.listener.names", "CONTROLLER");
		p.setProperty("inter.broker.listener.name", "PLAINTEXT");
		p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		p.setProperty("log.dirs", logs.toString());
		// one broker: internal topics with one copy each
		p.setProperty("offsets.topic.replication.factor", "1");
		p.setProperty("transaction.state.log.replication.factor", "1");
		p.setProperty("transaction.state.log.min.isr", "1");
		p.setProperty("share.coordinator.state.topic.replication.factor", "1");
		p.setProperty("share.coordinator.state.topic.min.isr", "1");
		p.setProperty("group.initial.rebalance.delay.ms", "0");
		p.setProperty("auto.create.topics.enable", "false");
		return p;
	}

}
