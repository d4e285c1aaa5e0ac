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
CREATE TABLE `lab_job_runs` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`job` varchar(100) NOT NULL,
	`runner` varchar(100) NOT NULL,
	`started_at` datetime(3) NOT NULL,
	`finished_at` datetime(3),
	CONSTRAINT `lab_job_runs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `lab_job_runs_job` ON `lab_job_runs` (`job`);