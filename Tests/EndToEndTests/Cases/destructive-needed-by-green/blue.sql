SELECT t.id, t.subject FROM tickets t WHERE t.id = $1;

SELECT m.priority FROM ticket_meta m WHERE m.id = $1;
