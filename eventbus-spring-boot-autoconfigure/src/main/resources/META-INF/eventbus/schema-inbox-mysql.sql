-- Inbox of the Open edX event bus (eventbus.consumer.inbox.enabled), MySQL 8 and MariaDB 10.3+.
-- One row per event id handled by a consumer group; received_at is epoch milliseconds. Safe to run again.
CREATE TABLE IF NOT EXISTS eventbus_inbox (
	consumer_group VARCHAR(255) NOT NULL,
	event_id VARCHAR(36) NOT NULL,
	event_type VARCHAR(255) NOT NULL,
	received_at BIGINT NOT NULL,
	PRIMARY KEY (consumer_group, event_id),
	INDEX eventbus_inbox_received_at (received_at)
) ENGINE = InnoDB;
