-- error: 2:58 a hash partition bound needs both MODULUS and REMAINDER
CREATE TABLE p0 PARTITION OF p FOR VALUES WITH (MODULUS 4);
