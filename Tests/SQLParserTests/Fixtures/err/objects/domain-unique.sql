-- error: 2:21 not possible for domains
CREATE DOMAIN d int UNIQUE;
