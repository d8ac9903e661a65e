// MigrationRules models what each migration statement does to a live database
// (locks, rewrites, scans, transaction blocks, per PostgreSQL version) and runs
// the rules that turn those facts into findings. One rule per file.
