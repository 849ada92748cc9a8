import { OrderBiasPageSkeleton } from "@/components/order-bias/order-bias-skeleton";

export default function Loading() {
  return <OrderBiasPageSkeleton />;
}
