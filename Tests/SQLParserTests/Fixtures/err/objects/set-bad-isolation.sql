-- error: 2:33 expected an isolation level
SET TRANSACTION ISOLATION LEVEL SOMETIMES;
