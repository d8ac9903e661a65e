SELECT "Nickname" FROM accounts;

-- nickname (folded) is not "Nickname" (42703).
SELECT nickname FROM accounts;

SELECT a."Nickname", u."DisplayName" FROM accounts a JOIN "UserAccounts" u ON u."Id" = a.id;
