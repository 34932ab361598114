import { useState, type FormEvent, type ReactNode } from "react";
import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  apiFetch,
  getSession,
  inventoryQuery,
  matchesSearch,
  setSession,
  signIn,
  type InventoryItem,
  type Location,
  type Page,
} from "./api";

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignIn />} />
      <Route
        path="/inventory"
        element={
          <RequireSession>
            <Inventory />
          </RequireSession>
        }
      />
      <Route path="*" element={<Navigate to="/inventory" replace />} />
    </Routes>
  );
}

function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  return getSession() ? children : <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
}

function SignIn() {
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSession(await signIn(email, password));
      navigate("/inventory", { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="card narrow">
      <h1>Inventory Pro Flow</h1>
      <form onSubmit={submit} aria-describedby={error ? "sign-in-error" : undefined}>
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p id="sign-in-error" role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}

const pageSize = 50;

function Inventory() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [locationId, setLocationId] = useState("");
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState("");

  const locations = useQuery({
    queryKey: ["locations"],
    queryFn: () => apiFetch<Page<Location>>("/api/v1/locations?page=1&limit=100"),
  });
  const chosen = locationId || locations.data?.items[0]?.id || "";
  const items = useQuery({
    queryKey: ["inventory", chosen, page],
    queryFn: () => apiFetch<Page<InventoryItem>>(inventoryQuery(chosen, page, pageSize)),
    enabled: chosen !== "",
  });

  function signOut() {
    setSession(null);
    queries.clear();
    navigate("/sign-in", { replace: true });
  }

  const failure = locations.error ?? items.error;
  if (failure && !getSession()) return <Navigate to="/sign-in" replace />;
  const shown = items.data?.items.filter((item) => matchesSearch(item, search)) ?? [];
  const pagination = items.data?.pagination;

  return (
    <main className="card">
      <header className="bar">
        <h1>Inventory</h1>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <div className="filters">
        <div>
          <label htmlFor="location">Location</label>
          <select
            id="location"
            value={chosen}
            onChange={(e) => {
              setLocationId(e.target.value);
              setPage(1);
            }}
          >
            {locations.data?.items.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search">Search this page</label>
          <input id="search" type="search" value={search} placeholder="Name, SKU or category" onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      {failure && (
        <p role="alert" className="error">
          {failure.message}
        </p>
      )}
      {(locations.isLoading || items.isLoading) && <p role="status">Loading…</p>}
      {items.data && (
        <>
          <table aria-label="Inventory items">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">SKU</th>
                <th scope="col" className="wide">
                  Category
                </th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Par
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <tr key={item.id} className={item.parLevel !== undefined && item.quantity < item.parLevel ? "low" : undefined}>
                  <td>{item.name}</td>
                  <td>{item.sku}</td>
                  <td className="wide">{item.category}</td>
                  <td className="num">{item.quantity}</td>
                  <td className="num">{item.parLevel ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p role="status">No items match.</p>}
          {pagination && (
            <nav className="pager" aria-label="Pages">
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span>
                Page {pagination.page} of {Math.max(pagination.pages, 1)} · {pagination.total} items
              </span>
              <button type="button" disabled={page >= pagination.pages} onClick={() => setPage(page + 1)}>
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </main>
  );
}
