// GET /api/v1/analytics/variance (docs/API.md): actual against theoretical usage between two counts.

export interface Usage {
  units: number;
  ml: number | null;
  oz: number | null;
}

export interface VarianceAmount extends Usage {
  cost: number;
  retail: number;
}

export interface ProductVariance {
  productId: string;
  sku: string;
  name: string;
  category: string;
  unit: string;
  sizeMl: number | null;
  actualUsage: Usage;
  theoreticalUsage: Usage;
  waste: Usage;
  comps: Usage;
  variance: VarianceAmount;
  variancePercent: number | null;
  unexplained: VarianceAmount;
  countedAtClose: boolean;
}

export interface CategoryVariance {
  category: string;
  actualMl: number | null;
  theoreticalMl: number | null;
  variance: VarianceAmount;
  variancePercent: number | null;
}

export interface DataHealthItem {
  what: string;
  lines: number;
}

export interface VarianceReport {
  locationId: string;
  locationName: string;
  from: { sessionId: string; name: string; snapshotAt: string };
  to: { sessionId: string; name: string; snapshotAt: string };
  products: ProductVariance[];
  categories: CategoryVariance[];
  totals: CategoryVariance;
  dataHealth: { unmappedPosItems: DataHealthItem[]; receiptsWithoutCost: DataHealthItem[]; soldNotCounted: DataHealthItem[] };
  method: string;
}

/** The products that lost the most money, for the chart: the largest positive variances in cost, at most `count`. */
export function biggestLosses(products: ProductVariance[], count = 10): ProductVariance[] {
  return products.filter((p) => p.variance.cost > 0).sort((a, b) => b.variance.cost - a.variance.cost).slice(0, count);
}
