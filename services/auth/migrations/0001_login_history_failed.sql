DROP INDEX `login_history_email_at` ON `login_history`;--> statement-breakpoint
DROP INDEX `login_history_ip_at` ON `login_history`;--> statement-breakpoint
ALTER TABLE `login_history` ADD `failed` boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `login_history` SET `failed` = `outcome` IN ('INVALID_CREDENTIALS', 'WITHDRAWN');--> statement-breakpoint
CREATE INDEX `login_history_email_failed_at` ON `login_history` (`email`,`failed`,`at`);--> statement-breakpoint
CREATE INDEX `login_history_ip_failed_at` ON `login_history` (`ip`,`failed`,`at`);