import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { apiFetch, getSession } from "../api/client";
import type { DemandForecast } from "../api/analytics";
import { useCurrency } from "../analytics/useCurrency";
import { Shell } from "../layout/Shell";
import { LocationPicker, useLocationChoice } from "../components/LocationPicker";
import { Problem } from "../components/Status";
import { Working } from "../components/Working";
import { ProductSearch, type ProductChoice } from "./forecasts/ProductSearch";
import { ForecastResult } from "./forecasts/ForecastResult";
import { ReorderList } from "./forecasts/ReorderList";
import { Retrain } from "./forecasts/Retrain";
import "./Forecasts.css";

const horizons = [7, 14, 30, 60, 90];

/** Demand forecasts per product and location, with the order to place, and the location's reorder list. */
export default function Forecasts() {
  const isAdmin = getSession()?.user.role === "admin";
  const currency = useCurrency();
  const [locationId, setLocationId] = useLocationChoice();
  const [product, setProduct] = useState<ProductChoice | null>(null);
  const [days, setDays] = useState(30);
  const forecast = useMutation({
    mutationFn: (request: { productId: string; locationId: string; forecastDays: number }) =>
      apiFetch<DemandForecast>("/api/v1/analytics/forecast", { method: "POST", body: JSON.stringify(request) }),
  });
  const asked = useRef<ProductChoice | null>(null);
  // A forecast belongs to one product and location: choosing another clears it rather than mislabel it.
  useEffect(() => forecast.reset(), [locationId, product?.id]);

  function run(event: FormEvent) {
    event.preventDefault();
    if (!product || !locationId) return;
    asked.current = product;
    forecast.mutate({ productId: product.id, locationId, forecastDays: days });
  }

  return (
    <Shell title="Forecasts">
      <form className="forecast-form" onSubmit={run} aria-label="Forecast a product">
        <div className="filters">
          <LocationPicker value={locationId} onChange={setLocationId} />
          <div>
            <label htmlFor="horizon">Days ahead</label>
            <select id="horizon" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {horizons.map((d) => (
                <option key={d} value={d}>
                  {d} days
                </option>
              ))}
            </select>
          </div>
        </div>
        <ProductSearch chosen={product} onChoose={setProduct} />
        <button type="submit" disabled={!product || !locationId || forecast.isPending}>
          Forecast
        </button>
        {forecast.isPending && (
          <Working
            what="Working out the forecast…"
            later="Training the demand model on your sales history… the first forecast of an organisation can take a minute or more."
          />
        )}
        <Problem error={forecast.error} />
      </form>
      {forecast.data && asked.current && <ForecastResult answer={forecast.data} productName={asked.current.name} />}
      <ReorderList locationId={locationId} currency={currency} />
      {isAdmin && <Retrain />}
    </Shell>
  );
}
