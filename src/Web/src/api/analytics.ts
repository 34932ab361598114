// The analytics and live-sales shapes the Api answers with (docs/API.md, "Analytics" and "Live events").

export interface TopProduct {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  revenue: number;
}

export interface DailySales {
  date: string;
  sales: number;
  transactions: number;
  units: number;
}

export interface SalesAnalytics {
  startDate: string;
  endDate: string;
  locationId: string | null;
  totalSales: number;
  totalTransactions: number;
  averageTransaction: number;
  totalUnits: number;
  topProducts: TopProduct[];
  dailyBreakdown: DailySales[];
  previousPeriod: {
    startDate: string;
    endDate: string;
    totalSales: number;
    totalTransactions: number;
    salesChangePercent: number | null;
    transactionsChangePercent: number | null;
  };
}

export interface DailyForecast {
  date: string;
  predictedDemand: number;
  confidence: number;
  lowerBound: number;
  upperBound: number;
  expectedDemand?: number;
}

export interface DemandForecast {
  productId: string;
  locationId: string;
  forecast: DailyForecast[];
  recommendedOrderQuantity: number;
  recommendedOrderDate: string | null;
  method: string;
  modelTrainedAt: string | null;
  onHand: number;
  reorderPoint: number;
  orderUpTo: number;
  safetyStock: number;
  leadTimeDays: number;
  reviewDays: number;
  casePack: number | null;
}

export interface ReorderLine {
  productId: string;
  sku: string;
  name: string;
  onHand: number;
  reorderPoint: number;
  quantity: number;
  orderBy: string | null;
  estimatedCost: number;
  method: string;
}

export interface ReorderList {
  locationId: string;
  asOf: string;
  leadTimeDays: number;
  reviewDays: number;
  serviceLevel: number;
  suppliers: { supplierId: string | null; supplierName: string; estimatedCost: number; lines: ReorderLine[] }[];
}

/** The SignalR event `sales:new`. */
export interface SaleRecorded {
  movementId: string;
  locationId: string;
  referenceId: string | null;
  occurredAt: string;
  recordedAt: string;
  soldBy: string | null;
  lines: { productId: string; sku: string; quantity: number; unitPrice: number | null; amount: number }[];
  totalUnits: number;
  totalAmount: number;
}

/** The SignalR event `alert:lowStock`. */
export interface LowStockRaised {
  productId: string;
  locationId: string;
  sku: string;
  quantity: number;
  parLevel: number;
  timestamp: string;
}

/** A row of `GET /transactions` (the ledger), as far as the sales feed reads it. */
export interface LedgerRow {
  id: string;
  movementId: string;
  type: string;
  locationId: string;
  productId: string;
  sku: string;
  quantity: number;
  totalAmount: number | null;
  occurredAt: string;
}
