CREATE TABLE `credential_tombstones` (
	`user_id` bigint unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `credential_tombstones_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `credentials` (
	`user_id` bigint unsigned NOT NULL,
	`email` varchar(254) NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`roles` varchar(32) NOT NULL,
	`status` varchar(16) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `credentials_user_id` PRIMARY KEY(`user_id`),
	CONSTRAINT `credentials_email` UNIQUE(`email`)
);
--> statement-breakpoint
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
CREATE TABLE `login_history` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned,
	`email` varchar(254) NOT NULL,
	`ip` varchar(45) NOT NULL,
	`user_agent` varchar(512),
	`outcome` varchar(24) NOT NULL,
	`failed` boolean NOT NULL DEFAULT false,
	`at` datetime(3) NOT NULL,
	CONSTRAINT `login_history_id` PRIMARY KEY(`id`)
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
CREATE TABLE `refresh_families` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`revoked_at` datetime(3),
	`revoke_reason` varchar(16),
	CONSTRAINT `refresh_families_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`token_hash` char(64) NOT NULL,
	`family_id` bigint unsigned NOT NULL,
	`status` varchar(16) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	CONSTRAINT `refresh_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `refresh_tokens_hash` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`kid` varchar(64) NOT NULL,
	`alg` varchar(16) NOT NULL,
	`public_jwk` text NOT NULL,
	`private_jwk` text NOT NULL,
	`signer` tinyint unsigned,
	`created_at` datetime(3) NOT NULL,
	`retired_at` datetime(3),
	CONSTRAINT `signing_keys_kid` PRIMARY KEY(`kid`),
	CONSTRAINT `signing_keys_signer` UNIQUE(`signer`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_at` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE INDEX `login_history_email_failed_at` ON `login_history` (`email`,`failed`,`at`);--> statement-breakpoint
CREATE INDEX `login_history_ip_failed_at` ON `login_history` (`ip`,`failed`,`at`);--> statement-breakpoint
CREATE INDEX `outbox_created_at` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `processed_events_processed_at` ON `processed_events` (`processed_at`);--> statement-breakpoint
CREATE INDEX `refresh_families_user` ON `refresh_families` (`user_id`);--> statement-breakpoint
CREATE INDEX `refresh_families_expires` ON `refresh_families` (`expires_at`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_family` ON `refresh_tokens` (`family_id`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_expires` ON `refresh_tokens` (`expires_at`);