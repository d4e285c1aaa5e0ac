CREATE TABLE `idempotency_keys` (
	`scope` varbinary(100) NOT NULL,
	`idempotency_key` varbinary(255) NOT NULL,
	`fingerprint` char(64) NOT NULL,
	`status` smallint unsigned,
	`content_type` varchar(100),
	`body` longtext,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `idempotency_keys_scope_idempotency_key_pk` PRIMARY KEY(`scope`,`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `job_leases` (
	`name` varchar(100) NOT NULL,
	`owner` varchar(100),
	`lease_until` datetime(3) NOT NULL,
	`last_started_at` datetime(3),
	`last_finished_at` datetime(3),
	`last_outcome` varchar(16),
	CONSTRAINT `job_leases_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` char(36) NOT NULL,
	`aggregate_type` varchar(64) NOT NULL,
	`aggregate_id` varchar(255) NOT NULL,
	`type` varchar(255) NOT NULL,
	`payload` longtext NOT NULL,
	`created_at` datetime(6) NOT NULL,
	CONSTRAINT `outbox_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `processed_events` (
	`consumer` varchar(100) NOT NULL,
	`event_id` varchar(64) NOT NULL,
	`event_type` varchar(255) NOT NULL,
	`processed_at` datetime(3) NOT NULL,
	CONSTRAINT `processed_events_consumer_event_id_pk` PRIMARY KEY(`consumer`,`event_id`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_at` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_created_at` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `processed_events_processed_at` ON `processed_events` (`processed_at`);