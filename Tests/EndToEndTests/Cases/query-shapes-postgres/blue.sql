SELECT a.id, b.note FROM a JOIN b ON b.a_id = a.id WHERE a.m = 'happy';
