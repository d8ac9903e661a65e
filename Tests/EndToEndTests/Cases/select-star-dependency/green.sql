SELECT p.* FROM products p ORDER BY p.name;

SELECT id, name, sku FROM products;
