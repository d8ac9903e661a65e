DELETE FROM addresses;
