-- error: 2:8 unreadable input
SELECT 'never closed;
