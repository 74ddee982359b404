-- CreateTable
CREATE TABLE "EntraTenant" (
    "tenantId" UUID NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntraTenant_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE INDEX "EntraTenant_organizationId_idx" ON "EntraTenant"("organizationId");

-- AddForeignKey
ALTER TABLE "EntraTenant" ADD CONSTRAINT "EntraTenant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
