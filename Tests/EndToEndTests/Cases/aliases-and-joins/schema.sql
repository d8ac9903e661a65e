CREATE TABLE orders (
    order_id bigint PRIMARY KEY,
    user_id bigint NOT NULL,
    total numeric(12,2) NOT NULL
);
CREATE TABLE payments (
    payment_id bigserial PRIMARY KEY,
    order_id bigint NOT NULL,
    amount numeric(12,2) NOT NULL
);
