package org.gridguard.tracing;

import org.springframework.context.SmartLifecycle;

/** Starts the tracing node with the application and makes it leave the consumer group before the index closes. */
class TracingNodeLifecycle implements SmartLifecycle {

	private final TracingNode node;

	TracingNodeLifecycle(TracingNode node) {
		this.node = node;
	}

	TracingNode node() {
		return node;
	}

	@Override
	public void start() {
		node.start();
	}

	@Override
	public void stop() {
		node.stop();
	}

	@Override
	public boolean isRunning() {
		return node.isRunning();
	}

}
