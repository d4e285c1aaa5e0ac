CREATE TABLE `parked_events` (
	`consumer` varchar(100) NOT NULL,
	`event_id` varchar(64) NOT NULL,
	`event_type` varchar(255) NOT NULL,
	`topic` varchar(255) NOT NULL,
	`payload` longtext NOT NULL,
	`reason` varchar(255) NOT NULL,
	`attempts` int unsigned NOT NULL,
	`parked_at` datetime(3) NOT NULL,
	`next_attempt_at` datetime(3) NOT NULL,
	CONSTRAINT `parked_events_consumer_event_id_pk` PRIMARY KEY(`consumer`,`event_id`)
);
--> statement-breakpoint
CREATE INDEX `parked_events_due` ON `parked_events` (`consumer`,`next_attempt_at`);