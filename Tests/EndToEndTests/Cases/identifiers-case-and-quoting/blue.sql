-- Quoted mixed-case names are used exactly as written.
SELECT "Id", "DisplayName", EMAIL FROM "UserAccounts";

-- Unquoted names fold to lower case: ACCOUNTS, Email and ID all resolve.
SELECT ID, Email FROM ACCOUNTS WHERE accounts.id = $1;

-- Folds to useraccounts, which does not exist (42P01 on every schema).
SELECT id FROM UserAccounts;
