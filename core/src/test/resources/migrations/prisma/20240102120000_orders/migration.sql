-- CreateTable
CREATE TABLE "orders" (
    "id" INTEGER NOT NULL,
    "customer_id" INTEGER NOT NULL,
    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
