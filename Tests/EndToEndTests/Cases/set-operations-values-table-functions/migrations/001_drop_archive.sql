DROP TABLE archived_events;
