// MigrationPlanner puts each migration statement in its phase (expand, backfill,
// contract, breaking) from the evidence of the blue and green queries, builds
// the S0/S1/S2 snapshots and checks every query on the schemas it must run on.
