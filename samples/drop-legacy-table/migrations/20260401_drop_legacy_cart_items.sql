-- Nothing reads the old cart items any more.
DROP TABLE legacy_cart_items;
