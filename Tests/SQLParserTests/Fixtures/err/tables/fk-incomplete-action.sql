-- error: 3:42 expected NULL or DEFAULT
CREATE TABLE t (
    a int REFERENCES p (id) ON DELETE SET,
    b int
);
