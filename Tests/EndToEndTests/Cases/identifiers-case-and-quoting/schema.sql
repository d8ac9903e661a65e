CREATE TABLE "UserAccounts" (
    "Id" integer PRIMARY KEY,
    "DisplayName" text NOT NULL,
    email text
);
CREATE TABLE Accounts (
    ID integer PRIMARY KEY,
    Email text
);
