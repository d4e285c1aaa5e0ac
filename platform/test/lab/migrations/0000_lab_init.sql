CREATE TABLE `lab_effects` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`note_id` bigint unsigned NOT NULL,
	`event_id` varchar(64) NOT NULL,
	`consumer` varchar(100) NOT NULL,
	`applied_at` datetime(3) NOT NULL,
	CONSTRAINT `lab_effects_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `lab_notes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`body` varchar(500) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `lab_notes_id` PRIMARY KEY(`id`)
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
CREATE INDEX `lab_effects_note` ON `lab_effects` (`note_id`);